// dps: the first-aid cover of a planned event, sized on the RNMSC-DPS grid (core/anticipation/dps.h);
// --pdf also writes the form a préfecture receives (reports/dps_form.h).
#include "cli/cli.h"

#include "anticipation/dps.h"
#include "reports/dps_form.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace vigie::cli {

namespace {

using namespace anticipation;

/// A number option ("0.25" or "0,25"); prints an error naming the option when it is not one.
std::optional<double> numberOption(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    QString text = parser.value(option).trimmed();
    text.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok) {
        fail(QStringLiteral("--%1 \"%2\" is not a number")
                 .arg(option.names().constFirst(), parser.value(option)));
        return std::nullopt;
    }
    return v;
}

QJsonObject toJson(const DpsAssessment &a, const DpsInputs &in)
{
    return QJsonObject{{QStringLiteral("p1"), a.p1},
                       {QStringLiteral("p2"), in.p2},
                       {QStringLiteral("e1"), in.e1},
                       {QStringLiteral("e2"), in.e2},
                       {QStringLiteral("p"), a.p},
                       {QStringLiteral("i"), a.i},
                       {QStringLiteral("ris"), a.ris},
                       {QStringLiteral("class"), dpsClassCode(a.dpsClass)},
                       {QStringLiteral("class_name"), dpsClassName(a.dpsClass)},
                       {QStringLiteral("intervenants"), a.intervenants},
                       {QStringLiteral("postes"), a.postes},
                       {QStringLiteral("equipes"), a.equipes},
                       {QStringLiteral("binomes"), a.binomes},
                       {QStringLiteral("chefs_de_poste"), a.chefsDePoste},
                       {QStringLiteral("secteurs"), a.secteurs},
                       {QStringLiteral("chefs_de_secteur"), a.chefsDeSecteur},
                       {QStringLiteral("chefs_de_dispositif"), a.chefsDeDispositif},
                       {QStringLiteral("poste_de_commandement"), a.posteDeCommandement},
                       {QStringLiteral("total"), a.total},
                       {QStringLiteral("steps"), QJsonArray::fromStringList(a.steps)}};
}

void printText(const DpsAssessment &a)
{
    auto line = [](const char *key, const QString &value) {
        std::printf("%-22s %s\n", key, qPrintable(value));
    };
    line("ris:", QString::number(a.ris, 'g', 12));
    line("class:", dpsClassCode(a.dpsClass));
    line("class_name:", dpsClassName(a.dpsClass));
    line("intervenants:", QString::number(a.intervenants));
    line("postes:", QString::number(a.postes));
    line("equipes:", QString::number(a.equipes));
    line("binomes:", QString::number(a.binomes));
    line("chefs_de_poste:", QStringLiteral("%1 (among the intervenants)").arg(a.chefsDePoste));
    line("chefs_de_secteur:", QString::number(a.chefsDeSecteur));
    line("chefs_de_dispositif:", QString::number(a.chefsDeDispositif));
    line("poste_de_commandement:", a.posteDeCommandement ? QStringLiteral("yes") : QStringLiteral("no"));
    line("total:", QString::number(a.total));
    std::printf("steps:\n");
    for (const QString &s : a.steps)
        std::printf("  %s\n", qPrintable(s));
}

} // namespace

int runDps(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Size the first-aid cover (dispositif prévisionnel de secours) of a planned event on the RNMSC-DPS "
        "grid (arrêté of 7 November 2006): RIS = (P2 + E1 + E2) × P / 1000, P = P1 up to 100,000 and half "
        "of the excess above. Prints the RIS, the class (PAPS, DPS-PE, DPS-ME, DPS-GE, or \"aucun\" when "
        "RIS ≤ 0.25), the intervenants secouristes, their postes, équipes and binômes, the command staff "
        "and how each figure was reached."));
    QCommandLineOption p1(QStringLiteral("p1"), QStringLiteral("public present at the same time"),
                          QStringLiteral("N"));
    QCommandLineOption p2(QStringLiteral("p2"),
                          QStringLiteral("activity risk: 0.25 seated, 0.30 standing, 0.35 static show or "
                                         "funfair, 0.40 dynamic show, carnival, several days"),
                          QStringLiteral("X"));
    QCommandLineOption e1(QStringLiteral("e1"),
                          QStringLiteral("site and access: 0.25 permanent building or open street … 0.40 "
                                         "over 5 ha, carrying over 600 m, hard access"),
                          QStringLiteral("X"));
    QCommandLineOption e2(QStringLiteral("e2"),
                          QStringLiteral("delay of public rescue: 0.25 ≤ 10 min, 0.30 ≤ 20 min, 0.35 ≤ 30 "
                                         "min, 0.40 over 30 min"),
                          QStringLiteral("X"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("print one JSON object"));
    QCommandLineOption pdf(QStringLiteral("pdf"), QStringLiteral("also write the form (A4 PDF) to FILE"),
                           QStringLiteral("FILE"));
    QCommandLineOption name(QStringLiteral("name"), QStringLiteral("the event, for the form"),
                            QStringLiteral("TEXT"));
    QCommandLineOption place(QStringLiteral("place"), QStringLiteral("where, for the form"),
                             QStringLiteral("TEXT"));
    QCommandLineOption organiser(QStringLiteral("organiser"), QStringLiteral("who organises, for the form"),
                                 QStringLiteral("TEXT"));
    QCommandLineOption date(QStringLiteral("date"),
                            QStringLiteral("the event's date (YYYY-MM-DD), for the form"),
                            QStringLiteral("DATE"));
    QCommandLineOption exercise(QStringLiteral("exercise"),
                                QStringLiteral("mark the form EXERCICE (prepared in an exercise room)"));
    parser.addOptions({p1, p2, e1, e2, json, pdf, name, place, organiser, date, exercise});
    parser.addHelpOption();
    const QString usage =
        QStringLiteral("usage: vigie-cli dps --p1 N --p2 X --e1 X --e2 X [--json] [--pdf FILE [--name T] "
                       "[--place T] [--organiser T] [--date YYYY-MM-DD] [--exercise]]");
    if (!parser.parse(arguments)) {
        fail(parser.errorText() + QStringLiteral("\n") + usage);
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s\n", qPrintable(parser.helpText()));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        fail(QStringLiteral("unexpected argument \"%1\"\n%2")
                 .arg(parser.positionalArguments().constFirst(), usage));
        return 2;
    }
    for (const QCommandLineOption *o : {&p1, &p2, &e1, &e2}) {
        if (!parser.isSet(*o)) {
            fail(QStringLiteral("--%1 is required\n%2").arg(o->names().constFirst(), usage));
            return 2;
        }
    }
    DpsInputs in;
    const std::initializer_list<std::pair<const QCommandLineOption *, double *>> fields = {
        {&p1, &in.p1}, {&p2, &in.p2}, {&e1, &in.e1}, {&e2, &in.e2}};
    for (const auto &[option, field] : fields) {
        const auto v = numberOption(parser, *option);
        if (!v)
            return 1;
        *field = *v;
    }
    const auto assessed = assessDps(in);
    if (!assessed)
        return fail(assessed.error().message);

    if (parser.isSet(pdf)) {
        reports::DpsForm form;
        form.event.name = parser.value(name);
        form.event.place = parser.value(place);
        form.event.organiser = parser.value(organiser);
        if (parser.isSet(date)) {
            form.event.date = QDate::fromString(parser.value(date), Qt::ISODate);
            if (!form.event.date.isValid())
                return fail(
                    QStringLiteral("--date \"%1\" is not a date (YYYY-MM-DD)").arg(parser.value(date)));
        }
        form.inputs = in;
        form.assessment = *assessed;
        form.exercise = parser.isSet(exercise);
        form.madeAt = QDateTime::currentDateTime();
        if (const auto written = reports::writeDpsPdf(parser.value(pdf), form); !written)
            return fail(written.error().message);
    }
    if (parser.isSet(json))
        printLine(QJsonDocument(toJson(*assessed, in)).toJson(QJsonDocument::Compact));
    else
        printText(*assessed);
    return 0;
}

} // namespace vigie::cli
