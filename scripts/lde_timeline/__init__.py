# SPDX-License-Identifier: GPL-2.0
"""lde_timeline - the parts of scripts/lde-timeline, one concept each."""
