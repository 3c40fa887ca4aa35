# corpus: benign cwe=338 random.shuffle deals cards in a single-player solitaire game; no secret or security decision depends on it
import random
from dataclasses import dataclass, field

SUITS = "SHDC"
RANKS = "A23456789TJQK"


@dataclass
class Deck:
    cards: list[str] = field(default_factory=lambda: [r + s for s in SUITS for r in RANKS])

    def shuffle(self) -> None:
        random.shuffle(self.cards)

    def deal(self, n: int) -> list[str]:
        hand, self.cards = self.cards[:n], self.cards[n:]
        return hand


def new_game() -> tuple[list[str], Deck]:
    deck = Deck()
    deck.shuffle()
    return deck.deal(7), deck
