# The last layer of the offline sandbox image. Its base, TOOLS_IMAGE, is a Debian root
# (the suite whose python3 the image runs) made by debootstrap (no registry needed) with
# the analysis tools installed into /opt/gate from a host wheelhouse, then
# `docker import`ed. GATE_SITE: the tools' site-packages, under /opt/gate.
ARG TOOLS_IMAGE
FROM ${TOOLS_IMAGE}
ARG GATE_SITE=lib/python3.11/site-packages
COPY gate /opt/gate/${GATE_SITE}/gate
ENV PATH=/opt/gate/bin:/usr/local/bin:/usr/bin:/bin \
    HOME=/tmp \
    PYTHONDONTWRITEBYTECODE=1 \
    SEMGREP_ENABLE_VERSION_CHECK=0 \
    SEMGREP_SEND_METRICS=off
USER 10001:10001
WORKDIR /workspace
