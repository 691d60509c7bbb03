// vigie-cli: every non-drawing capability of the console, for scripts, tests and integrators.
#include "cli/cli.h"

#include <QApplication>

#include <cstdio>
#include <cstring>
#include <memory>

int main(int argc, char *argv[])
{
    // Rendering tiles or a PDF form needs fonts and QPainter, hence a QGuiApplication (on the offscreen
    // platform: no display needed); a report's charts (QtCharts) and maps (the map widget's renderer) need a
    // QApplication. Every other command stays a plain QCoreApplication.
    const bool widgets = argc > 1 && std::strcmp(argv[1], "report") == 0;
    bool draws = widgets || (argc > 1 && std::strcmp(argv[1], "import-osm") == 0);
    if (argc > 1 && std::strcmp(argv[1], "dps") == 0)
        for (int i = 2; i < argc; ++i)
            draws = draws || std::strcmp(argv[i], "--pdf") == 0 || std::strncmp(argv[i], "--pdf=", 6) == 0;
    if (draws && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application;
    if (widgets)
        application = std::make_unique<QApplication>(argc, argv);
    else if (draws)
        application = std::make_unique<QGuiApplication>(argc, argv);
    else
        application = std::make_unique<QCoreApplication>(argc, argv);
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
