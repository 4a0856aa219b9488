// SPDX-License-Identifier: GPL-2.0
/* Cases of the proc group. */
#include "cases.h"

static const struct kcase cases[] = {
};

KC_GROUP(proc, cases);
