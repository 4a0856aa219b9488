// SPDX-License-Identifier: GPL-2.0
/* Cases of the file group. */
#include "cases.h"

static const struct kcase cases[] = {
};

KC_GROUP(file, cases);
