// vigie-cli: every non-drawing capability of the console, for scripts, tests and integrators.
#include "cli/cli.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigie-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIE_VERSION));
    const QStringList args = QCoreApplication::arguments();
    auto usage = [] {
        std::printf(
            "usage: vigie-cli COMMAND [options]   (vigie-cli COMMAND --help for details)\n\ncommands:\n");
        for (const auto &c : vigie::cli::commands())
            std::printf("  %-12s %s\n", c.name, c.summary);
    };
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")) {
        usage();
        return args.size() < 2 ? 2 : 0;
    }
    if (args[1] == QLatin1String("--version")) {
        std::printf("vigie-cli %s\n", VIGIE_VERSION);
        return 0;
    }
    for (const auto &c : vigie::cli::commands()) {
        if (args[1] == QLatin1String(c.name)) {
            QStringList sub = args.mid(1);
            sub[0] = QStringLiteral("vigie-cli ") + sub[0];
            return c.run(sub);
        }
    }
    std::fprintf(stderr, "vigie-cli: unknown command \"%s\"\n", qPrintable(args[1]));
    usage();
    return 2;
}
