# The last layer of the offline sandbox image. Its base, TOOLS_IMAGE, is a Debian
# bookworm root made by debootstrap (no registry needed) with the analysis tools
# installed into /opt/gate from a host wheelhouse, then `docker import`ed.
ARG TOOLS_IMAGE
FROM ${TOOLS_IMAGE}
COPY gate /opt/gate/lib/python3.11/site-packages/gate
ENV PATH=/opt/gate/bin:/usr/local/bin:/usr/bin:/bin \
    HOME=/tmp \
    PYTHONDONTWRITEBYTECODE=1 \
    SEMGREP_ENABLE_VERSION_CHECK=0 \
    SEMGREP_SEND_METRICS=off
USER 10001:10001
WORKDIR /workspace
