/* Fakes of policy modules that are not what they claim, built by the loader tests with cc. */
#include <stdint.h>
#include <string.h>

#ifdef CHARTER_FAKE_ENTRY
/* Answers the handshake as a module built against a future PolicyKit interface would. */
void *CHARTER_FAKE_SYMBOL(void *handshake) {
    uint32_t magic;
    memcpy(&magic, handshake, sizeof magic);
    if (magic != 0x43485254u) return 0;
    uint32_t interface = CHARTER_FAKE_INTERFACE;
    memcpy((char *)handshake + 16, &interface, sizeof interface);
    static const char *compiler = CHARTER_FAKE_COMPILER;
    memcpy((char *)handshake + 24, &compiler, sizeof compiler);
    return 0;
}
#else
/* A shared library with no Charter entry point at all. */
int not_a_policy_module(void) { return 42; }
#endif
