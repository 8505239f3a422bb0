/*
 * holdopen.exe FILE: holds FILE open as a PDF viewer or Excel does, shared
 * for reading only, until its standard input closes. The Windows checks
 * (wine_test.go) run it to see what Deckhand says when it must replace a
 * file that another program has open. Built from this source by the
 * checks; never shipped.
 */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
	HANDLE f;
	char buf[16];

	if (argc != 2)
		return 2;
	f = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
	if (f == INVALID_HANDLE_VALUE)
		return 1;
	printf("held\n");
	fflush(stdout);
	while (fgets(buf, sizeof buf, stdin) != NULL)
		;
	CloseHandle(f);
	return 0;
}
