# corpus: benign cwe=0 Django view listing the current user's orders with the ORM
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from .models import Order


@login_required
def order_list(request):
    orders = Order.objects.filter(customer=request.user).order_by("-created_at")
    page = Paginator(orders, 25).get_page(request.GET.get("page"))
    return render(request, "orders/list.html", {"page": page})
