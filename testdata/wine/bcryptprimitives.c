/*
 * bcryptprimitives.dll for Wine 8, for the Windows checks only.
 *
 * The Go runtime (1.24 and later) asks Windows for random bytes through
 * ProcessPrng in bcryptprimitives.dll, and stops at start when it is
 * missing. Windows 10 and 11 have it; Wine 8 (Debian 12) does not, so no
 * Go program starts there. This DLL gives the one function, by the
 * random-number call that Wine has (RtlGenRandom, in advapi32), which
 * takes a ULONG count, so longer requests go in pieces. It is built from
 * this source by the checks (wine_test.go) and put in the test's own
 * Wine prefix; it is never shipped.
 */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
