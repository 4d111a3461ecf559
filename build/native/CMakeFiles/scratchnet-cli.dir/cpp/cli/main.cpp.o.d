CMakeFiles/scratchnet-cli.dir/cpp/cli/main.cpp.o: \
 /work/main/cpp/cli/main.cpp /usr/include/stdc-predef.h
