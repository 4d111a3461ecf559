// placeholder; the CLI is written with the data layer.
int main() { return 0; }
