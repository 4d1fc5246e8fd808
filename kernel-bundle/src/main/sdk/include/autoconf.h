/* The generated-configuration header seL4 programs include (<autoconf.h>); here it is the fixed
   configuration of sel4/config.h (reference §0). */
#pragma once

#include <sel4/config.h>
