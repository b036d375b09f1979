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
#elif defined(CHARTER_FAKE_MISSING_POLICYKIT_SYMBOL)
/* Needs a PolicyKit symbol that this PolicyKit does not have, as a module built against an
   earlier PolicyKit does: the dynamic loader refuses it before any entry point is looked up. */
/* Quoted for the assembler, to which a `$` would otherwise begin an immediate. */
#define CHARTER_QUOTED(name) "\"" name "\""
extern void policykit_symbol_gone(void) __asm__(CHARTER_QUOTED(CHARTER_FAKE_MISSING_POLICYKIT_SYMBOL));
void charter_policy_module_v1_Gone(void *handshake) { (void)handshake; policykit_symbol_gone(); }
#else
/* A shared library with no Charter entry point at all. */
int not_a_policy_module(void) { return 42; }
#endif
