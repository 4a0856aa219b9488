// SPDX-License-Identifier: GPL-2.0
/* Cases of the fd group. */
#include "cases.h"

static const struct kcase cases[] = {
};

KC_GROUP(fd, cases);
