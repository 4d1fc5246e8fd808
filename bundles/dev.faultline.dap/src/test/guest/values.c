/* A root task for the typed values of the Locals scope (built at -O0): a struct holding a nested
   struct, arrays, bit-fields, an enum and a string; a pointer to it; a char and a _Bool; and two
   globals of the Globals scope, one of them written after area returns. */
#include <stdio.h>
#include <sel4/sel4.h>

enum colour { RED, GREEN = 5, BLUE };

struct point {
    int x;
    int y;
};

struct shape {
    const char *name;
    struct point corner;
    long sizes[3];
    unsigned flags : 3;
    signed offset : 5;
    enum colour colour;
    char tag[8];
    int grid[2][3];
};

static int ticks = 7;
struct point origin = {1, -1};

static long area(struct shape *shape)
{
    long result = shape->sizes[0] * shape->sizes[1];
    return result;
}

int main(void)
{
    struct shape square = {"square", {3, -4}, {2, 2, 0}, 5, -3, GREEN, "sq\n", {{1, 2, 3}, {4, 5, 6}}};
    char letter = 'Q';
    _Bool done = 0;
    long a = area(&square);
    done = 1;
    ticks++;
    printf("area of %s: %ld %c %d %d %d\n", square.name, a, letter, done, ticks, origin.y);
    return 0;
}
