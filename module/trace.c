// SPDX-License-Identifier: GPL-2.0
/*
 * trace.c - the one file that creates lde's tracepoints (lde_trace.h).
 *
 * Every other file includes lde_trace.h only for the trace_*() calls; this
 * one defines CREATE_TRACE_POINTS first, so that the same header expands
 * into the events themselves, as samples/trace_events does.
 *
 * Usage: perf list 'lde:*'
 */
#define CREATE_TRACE_POINTS
#include "lde_trace.h"
