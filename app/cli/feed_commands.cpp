#include "cli/cli.h"
#include "feeds/feed_control.h"
#include "feeds/ingestor.h"
#include "feeds/mqtt_listener.h"
#include "fusion/feed_fusion.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <utility>

namespace vigie::cli {

namespace {

/// A mapping file (`--map`, docs/feed-mappings.md), or an error naming the file and what does not fit.
Result<feeds::FeedMapping> readMapping(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{
            QStringLiteral("%1: cannot read the mapping file: %2").arg(f.fileName(), f.errorString())};
    auto m = feeds::FeedMapping::fromJson(f.readAll());
    if (!m)
        return Error{f.fileName() + QStringLiteral(": ") + m.error().message};
    return std::move(m.value());
}

} // namespace

int runIngest(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Ingest feed files (CAP, EDXL-DE/HAVE/RM, EMSI and Hub Santé, NMEA, CSV, GeoJSON) into a room. "
        "A message already seen is counted, not stored again; refused input goes to the quarantine. "
        "Reports are fused into incidents: each merge is logged with its reason and confidence. One JSON "
        "line "
        "per file is printed (and flushed) once the file is committed. A file is at most 16 MiB (64 MiB for "
        "NMEA streams): a bigger one is refused from its size, or once a stream passes the limit, without "
        "being read whole. Exit 0 when everything was taken, 3 when some input was refused (quarantined) "
        "and the rest stored, 1 on an error (a file or the room that cannot be read or written)."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file"));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("feed files"),
                                 QStringLiteral("FILE..."));
    QCommandLineOption format(QStringLiteral("format"),
                              QStringLiteral("cap, edxl, emsi, nmea, csv or geojson (default: detect)"),
                              QStringLiteral("F"));
    // --mapping was the CSV option's first name; it stays an alias.
    QCommandLineOption mapping(
        {QStringLiteral("map"), QStringLiteral("mapping")},
        QStringLiteral("mapping file (JSON) from the names of another system's exports to ours: \"columns\" "
                       "for CSV, \"properties\" for GeoJSON (docs/feed-mappings.md)"),
        QStringLiteral("FILE"));
    QCommandLineOption agency(QStringLiteral("agency"), QStringLiteral("agency of senders that do not say"),
                              QStringLiteral("AGENCY"));
    QCommandLineOption unit(QStringLiteral("unit"),
                            QStringLiteral("unit id for NMEA streams (default: file name)"),
                            QStringLiteral("UNIT"));
    QCommandLineOption label(
        QStringLiteral("label"),
        QStringLiteral("how the room names this feed, scrubbed like any text (default: a keyed "
                       "token of the file name, which may hold a person's name)"),
        QStringLiteral("NAME"));
    QCommandLineOption noFusion(QStringLiteral("no-fusion"),
                                QStringLiteral("store the reports without fusing them into incidents"));
    QCommandLineOption trustAnchors(
        QStringLiteral("trust-anchors"),
        QStringLiteral(
            "folder of PEM certificates (*.pem, *.crt) that XML signers' certificates must chain to "
            "for a signature to be \"valid\" (default: none, signatures verify against the "
            "certificate they carry: \"valid_untrusted\")"),
        QStringLiteral("DIR"));
    QCommandLineOption requireSignature(
        QStringLiteral("require-signature"),
        QStringLiteral("quarantine documents whose XML signature is invalid or absent"));
    parser.addOptions({format, mapping, agency, unit, label, noFusion, trustAnchors, requireSignature});
    const QString usage =
        QStringLiteral("usage: vigie-cli ingest ROOM [--format F] [--map FILE] [--label NAME] FILE...");
    int code = 0;
    if (!parseOptions(parser, arguments, usage, &code))
        return code;
    const QStringList args = parser.positionalArguments();
    if (args.size() < 2)
        return fail(QStringLiteral("expected a room and at least one file\n") + usage);
    if (parser.isSet(trustAnchors) && !QFileInfo(parser.value(trustAnchors)).isDir())
        return fail(QStringLiteral("--trust-anchors \"%1\": not a folder").arg(parser.value(trustAnchors)));

    // A bad mapping file stops the command before the room is touched: every feature would miss it.
    feeds::FeedMapping feedMapping;
    if (parser.isSet(mapping)) {
        auto m = readMapping(parser.value(mapping));
        if (!m)
            return fail(m.error().message);
        feedMapping = std::move(m.value());
    }
    auto room = Room::open(args.at(0), clock());
    if (!room)
        return fail(room.error().message);
    const feeds::FeedRegistry registry(std::move(feedMapping));
    feeds::Ingestor ingestor(**room, registry);
    fusion::FeedFusion feedFusion;
    fusion::FusionSummary fused;
    if (!parser.isSet(noFusion)) {
        auto head = (*room)->fusionHead();
        if (!head)
            return fail(args.at(0) + QStringLiteral(": fusion: ") + head.error().message);
        feedFusion.follow(**head);
        feedFusion.attach(ingestor, **room, fused);
    }
    int failures = 0;
    qint64 refused = 0;
    for (int i = 1; i < args.size(); ++i) {
        QFile file(args.at(i));
        if (!file.open(QIODevice::ReadOnly)) {
            fail(QStringLiteral("%1: cannot read: %2").arg(file.fileName(), file.errorString()));
            ++failures;
            continue;
        }
        feeds::FeedContext context{file.fileName(),
                                   (*room)->info().mode,
                                   parser.value(agency),
                                   parser.isSet(unit) ? parser.value(unit)
                                                      : QFileInfo(file).completeBaseName(),
                                   parser.value(label).trimmed(),
                                   parser.value(trustAnchors),
                                   parser.isSet(requireSignature)};
        // Read with the limit of the format: an input over it is refused without being read whole.
        auto input = feeds::readFeedInput(file, registry, parser.value(format));
        if (!input) {
            fail(input.error().message);
            ++failures;
            continue;
        }
        auto report = input->refusal.isEmpty() ? ingestor.ingest(input->bytes, context, parser.value(format))
                                               : ingestor.refuse(context, QStringLiteral("document"),
                                                                 input->refusal, input->bytes);
        if (!report)
            return fail(report.error().message);
        if (!input->refusal.isEmpty())
            report->format = input->format;
        refused += report->rejected;
        const qint64 merges = std::exchange(fused.merges, 0);
        const QJsonObject line{{QStringLiteral("file"), file.fileName()},
                               {QStringLiteral("format"), report->format},
                               {QStringLiteral("messages"), report->messages},
                               {QStringLiteral("stored"), report->stored},
                               {QStringLiteral("entries"), report->entries},
                               {QStringLiteral("duplicates"), report->duplicates},
                               {QStringLiteral("rejected"), report->rejected},
                               {QStringLiteral("ignored"), report->ignored},
                               {QStringLiteral("held"), report->held},
                               {QStringLiteral("merges"), merges}};
        printLine(QJsonDocument(line).toJson(QJsonDocument::Compact));
        // Each line right after its file's commit: after a kill, what was printed is what was stored.
        std::fflush(stdout);
        for (const auto &reason : report->reasons)
            std::fprintf(stderr, "%s: %s\n", qPrintable(file.fileName()), qPrintable(reason));
    }
    if (failures > 0)
        return 1;
    if (refused > 0) {
        std::fprintf(stderr, "vigie-cli: %lld item(s) refused; see `vigie-cli quarantine %s`\n",
                     static_cast<long long>(refused), qPrintable(args.at(0)));
        return 3;
    }
    return 0;
}

} // namespace vigie::cli

namespace vigie::cli {

int runListen(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Listen to live feeds on an MQTT broker (topics vigie/<agency>/<format>, format \"auto\" to detect) "
        "and ingest every message into the room; reconnects with back-off when the broker goes away."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file"));
    QCommandLineOption mqtt(QStringLiteral("mqtt"), QStringLiteral("broker address"),
                            QStringLiteral("HOST:PORT"));
    QCommandLineOption topic(QStringLiteral("topic"), QStringLiteral("subscription (default vigie/+/+)"),
                             QStringLiteral("FILTER"), QStringLiteral("vigie/+/+"));
    QCommandLineOption maxMessages(QStringLiteral("max-messages"),
                                   QStringLiteral("stop after this many messages (default: never)"),
                                   QStringLiteral("N"));
    QCommandLineOption seconds(QStringLiteral("seconds"),
                               QStringLiteral("stop after this long (default: never)"), QStringLiteral("S"));
    QCommandLineOption clientId(
        QStringLiteral("client-id"),
        QStringLiteral("the session's name at the broker, which keeps what was not yet stored for it across "
                       "restarts (default: one per room and topic filter)"),
        QStringLiteral("ID"));
    QCommandLineOption trustAnchors(
        QStringLiteral("trust-anchors"),
        QStringLiteral(
            "folder of PEM certificates (*.pem, *.crt) that XML signers' certificates must chain to "
            "for a signature to be \"valid\" (default: none, signatures verify against the "
            "certificate they carry: \"valid_untrusted\")"),
        QStringLiteral("DIR"));
    QCommandLineOption requireSignature(
        QStringLiteral("require-signature"),
        QStringLiteral("quarantine documents whose XML signature is invalid or absent"));
    QCommandLineOption username(QStringLiteral("username"), QStringLiteral("user name at the broker"),
                                QStringLiteral("NAME"));
    QCommandLineOption passwordFile(
        QStringLiteral("password-file"),
        QStringLiteral("file whose first line is the broker password (default: the environment variable "
                       "VIGIE_MQTT_PASSWORD; never on the command line, where every user of the machine "
                       "can read it)"),
        QStringLiteral("FILE"));
    QCommandLineOption tls(QStringLiteral("tls"),
                           QStringLiteral("TLS to the broker (its certificate checked)"));
    QCommandLineOption caFile(QStringLiteral("cafile"),
                              QStringLiteral("PEM certificates the broker's must chain to (default: the "
                                             "system's); implies --tls"),
                              QStringLiteral("FILE"));
    QCommandLineOption serverName(QStringLiteral("tls-server-name"),
                                  QStringLiteral("name the broker's certificate must carry (default: HOST)"),
                                  QStringLiteral("NAME"));
    QCommandLineOption certFile(QStringLiteral("cert"),
                                QStringLiteral("client certificate (PEM) for brokers that require one"),
                                QStringLiteral("FILE"));
    QCommandLineOption keyFile(QStringLiteral("key"),
                               QStringLiteral("the client certificate's private key (default: in --cert)"),
                               QStringLiteral("FILE"));
    QCommandLineOption mapping(
        QStringLiteral("map"),
        QStringLiteral("mapping file (JSON) from the names of another system's messages to ours: \"columns\" "
                       "for CSV, \"properties\" for GeoJSON (docs/feed-mappings.md)"),
        QStringLiteral("FILE"));
    parser.addOptions({mqtt, topic, maxMessages, seconds, clientId, trustAnchors, requireSignature, username,
                       passwordFile, tls, caFile, serverName, certFile, keyFile, mapping});
    const QString usage = QStringLiteral("usage: vigie-cli listen ROOM --mqtt HOST:PORT");
    int code = 0;
    if (!parseOptions(parser, arguments, usage, &code))
        return code;
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1 || !parser.isSet(mqtt))
        return fail(QStringLiteral("expected a room and --mqtt HOST:PORT\n") + usage);
    if (parser.isSet(trustAnchors) && !QFileInfo(parser.value(trustAnchors)).isDir())
        return fail(QStringLiteral("--trust-anchors \"%1\": not a folder").arg(parser.value(trustAnchors)));

    const QString address = parser.value(mqtt);
    const qsizetype colon = address.lastIndexOf(u':');
    bool okPort = false;
    const int port = colon > 0 ? address.mid(colon + 1).toInt(&okPort) : 0;
    if (!okPort || port <= 0 || port > 65535)
        return fail(QStringLiteral("--mqtt \"%1\": expected HOST:PORT, e.g. 127.0.0.1:1883").arg(address));
    bool okMax = true, okSeconds = true;
    const qint64 limit = parser.isSet(maxMessages) ? parser.value(maxMessages).toLongLong(&okMax) : -1;
    const double duration = parser.isSet(seconds) ? parser.value(seconds).toDouble(&okSeconds) : -1;
    if (!okMax || !okSeconds)
        return fail(QStringLiteral("--max-messages and --seconds take numbers\n") + usage);

    feeds::FeedMapping feedMapping;
    if (parser.isSet(mapping)) { // before the room and the broker: every message would miss it
        auto m = readMapping(parser.value(mapping));
        if (!m)
            return fail(m.error().message);
        feedMapping = std::move(m.value());
    }
    auto room = Room::open(args.at(0), clock());
    if (!room)
        return fail(room.error().message);
    const feeds::FeedRegistry registry(std::move(feedMapping));
    feeds::MqttOptions options;
    options.host = address.left(colon);
    options.port = port;
    options.topic = parser.value(topic);
    options.clientId = parser.value(clientId);
    options.security.username = parser.value(username);
    if (parser.isSet(passwordFile)) {
        QFile f(parser.value(passwordFile));
        if (!f.open(QIODevice::ReadOnly))
            return fail(
                QStringLiteral("--password-file %1: cannot read: %2").arg(f.fileName(), f.errorString()));
        options.security.password = f.readLine().trimmed();
    } else {
        options.security.password = qgetenv("VIGIE_MQTT_PASSWORD");
    }
    if (!options.security.password.isEmpty() && options.security.username.isEmpty())
        return fail(QStringLiteral("a broker password needs --username (MQTT sends no password alone)"));
    options.security.tls = parser.isSet(tls) || parser.isSet(caFile) || parser.isSet(certFile);
    options.security.caFile = parser.value(caFile);
    options.security.serverName = parser.value(serverName);
    options.security.certFile = parser.value(certFile);
    options.security.keyFile = parser.value(keyFile);
    options.trustAnchors = parser.value(trustAnchors);
    options.requireSignature = parser.isSet(requireSignature);
    fusion::FeedFusion feedFusion;
    auto head = (*room)->fusionHead();
    if (!head)
        return fail(args.at(0) + QStringLiteral(": fusion: ") + head.error().message);
    feedFusion.follow(**head);
    feeds::MqttListener listener(**room, registry, options);
    fusion::FusionSummary fused;
    feedFusion.attach(listener.ingestor(), **room, fused);
    listener.onEvent = [](const QString &event) {
        printLine(event.toUtf8());
        std::fflush(stdout); // a supervisor (or a test) waits for "subscribed"
    };
    // SIGTERM and SIGINT finish the batch under way: it is stored and acknowledged, and the broker keeps the
    // rest for the next run.
    catchTermination();
    QElapsedTimer timer;
    timer.start();
    auto r = listener.run([&] {
        return !terminationRequested() && (limit < 0 || listener.stats().messages < limit) &&
               (duration < 0 || double(timer.elapsed()) < duration * 1000.0);
    });
    const auto &s = listener.stats();
    const QJsonObject line{
        {QStringLiteral("messages"), s.messages},         {QStringLiteral("stored"), s.stored},
        {QStringLiteral("duplicates"), s.duplicates},     {QStringLiteral("rejected"), s.rejected},
        {QStringLiteral("connects"), s.connects},         {QStringLiteral("failures"), s.failures},
        {QStringLiteral("acknowledged"), s.acknowledged}, {QStringLiteral("batches"), s.batches},
        {QStringLiteral("merges"), fused.merges}};
    printLine(QJsonDocument(line).toJson(QJsonDocument::Compact));
    if (!r)
        return fail(r.error().message);
    return 0;
}

} // namespace vigie::cli

namespace vigie::cli {

int runFeed(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Pause or resume a feed, as the Feeds dock does: appends a feed.control entry. While a feed is "
        "paused, what it sends is set aside in the quarantine with who paused it, never entered in the "
        "log. Without an action, lists the paused feeds."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file"));
    parser.addPositionalArgument(
        QStringLiteral("FEED"),
        QStringLiteral("the feed's source as the Feeds dock and the quarantine name it "
                       "(e.g. mqtt:vigie/fire/cap)"),
        QStringLiteral("[FEED pause|resume]"));
    QCommandLineOption author(QStringLiteral("author"), QStringLiteral("who decides (default: vigie-cli)"),
                              QStringLiteral("NAME"), QStringLiteral("vigie-cli"));
    parser.addOption(author);
    const QString usage = QStringLiteral("usage: vigie-cli feed ROOM [FEED pause|resume] [--author NAME]");
    int code = 0;
    if (!parseOptions(parser, arguments, usage, &code))
        return code;
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1 && args.size() != 3)
        return fail(QStringLiteral("expected a room, or a room, a feed and pause or resume\n") + usage);
    if (args.size() == 3 && args[2] != QLatin1String("pause") && args[2] != QLatin1String("resume"))
        return fail(QStringLiteral("\"%1\" is neither pause nor resume\n").arg(args[2]) + usage);
    auto room = Room::open(args[0], clock());
    if (!room)
        return fail(room.error().message);
    feeds::FeedControls controls;
    if (auto r = controls.refresh((*room)->store()); !r)
        return fail(r.error().message);
    if (args.size() == 1) {
        for (const auto &[feed, pause] : controls.pausedFeeds())
            std::printf("%s\tpaused by %s at %s\n", qPrintable(feed), qPrintable(pause.author),
                        qPrintable(pause.since.toIso()));
        return 0;
    }
    const bool pause = args[2] == QLatin1String("pause");
    if (pause == (controls.paused(args[1]) != nullptr))
        return fail(QStringLiteral("%1: feed \"%2\" is already %3")
                        .arg(args[0], args[1], pause ? QStringLiteral("paused") : QStringLiteral("running")));
    auto appended =
        (*room)->append({feeds::feedControlDraft(args[1], pause, parser.value(author), clock().now())});
    if (!appended)
        return fail(appended.error().message);
    std::printf("%s: %s seq %lld\n", qPrintable(args[1]), pause ? "paused" : "resumed",
                static_cast<long long>(appended->front().seq));
    return 0;
}

} // namespace vigie::cli
