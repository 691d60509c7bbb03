// The DPS dialog and its PDF form, offscreen: opened for an event, live figures, export on a worker, and
// the page drawn (with EXERCICE across it in an exercise room).
#include "ui/dps_dialog.h"

#include "reports/dps_form.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTranslator>

#include <gtest/gtest.h>

using namespace vigie;

namespace {

reports::DpsEvent velodrome()
{
    return {QStringLiteral("OM – PSG"), QStringLiteral("Orange Vélodrome, Marseille"),
            QStringLiteral("Olympique de Marseille"), QDate(2026, 10, 25)};
}

QString allText(const QWidget &w)
{
    QString text;
    for (const QLabel *label : w.findChildren<QLabel *>())
        text += label->text() + QLatin1Char('\n');
    return text;
}

/// Pixels of the exercise mark's orange (230, 159, 0 at low opacity on white).
int orangePixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            n += c.red() > 200 && c.green() > 150 && c.blue() < 215 && c.red() - c.blue() > 30;
        }
    return n;
}

} // namespace

TEST(DpsDialog, OpensForAnEventAndFollowsEveryChange)
{
    ui::DpsDialog dialog(velodrome(), 67'000, false);
    ASSERT_TRUE(dialog.assessment().ok());
    EXPECT_DOUBLE_EQ(dialog.assessment()->ris, 50.25);
    EXPECT_EQ(dialog.assessment()->intervenants, 52);
    EXPECT_TRUE(allText(dialog).contains(QStringLiteral("DPS-GE")));
    EXPECT_TRUE(allText(dialog).contains(QStringLiteral("52 intervenants secouristes")));
    const reports::DpsForm form = dialog.form();
    EXPECT_EQ(form.event.name, QStringLiteral("OM – PSG"));
    EXPECT_EQ(form.event.date, QDate(2026, 10, 25));
    EXPECT_EQ(form.event.place, QStringLiteral("Orange Vélodrome, Marseille"));

    dialog.setAttendance(1'500);
    EXPECT_EQ(dialog.assessment()->dpsClass, anticipation::DpsClass::Paps);
    EXPECT_TRUE(allText(dialog).contains(QStringLiteral("PAPS")));
    dialog.setFactors(0.40, 0.40, 0.40);
    EXPECT_DOUBLE_EQ(dialog.assessment()->ris, 1.8);
    EXPECT_EQ(dialog.assessment()->dpsClass, anticipation::DpsClass::Pe);
    EXPECT_TRUE(allText(dialog).contains(QStringLiteral("0,40 — plus de 30 minutes")));

    if (const QByteArray dir = qgetenv("VIGIE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        // For the guide: as the French console shows it, Qt's own buttons in French.
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        QTranslator qt;
        if (qt.load(QStringLiteral("qtbase_fr"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qt);
        ui::DpsDialog shown(velodrome(), 67'000, false);
        shown.resize(1400, 820);
        shown.show();
        QApplication::processEvents();
        shown.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/dps-dialog.png"));
        QCoreApplication::removeTranslator(&qt);
        QLocale::setDefault(QLocale::c());
    }
}

TEST(DpsDialog, AttendanceIsClampedToTheGrid)
{
    ui::DpsDialog dialog(false);
    dialog.setAttendance(-10);
    EXPECT_EQ(dialog.findChild<QSpinBox *>()->value(), 0);
    dialog.setAttendance(50'000'000);
    EXPECT_EQ(dialog.findChild<QSpinBox *>()->value(), int(anticipation::maxDpsPublic));
    EXPECT_TRUE(dialog.assessment().ok());
}

TEST(DpsDialog, ExportsThePdfOnAWorker)
{
    QTemporaryDir dir;
    ui::DpsDialog dialog(velodrome(), 67'000, true);
    QSignalSpy spy(&dialog, &ui::DpsDialog::exported);
    const QString file = dir.filePath(QStringLiteral("dps.pdf"));
    dialog.exportPdf(file);
    ASSERT_TRUE(spy.wait(20'000));
    EXPECT_EQ(spy.at(0).at(1).toString(), QString());
    QFile pdf(file);
    ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pdf.readAll().startsWith("%PDF-"));

    dialog.exportPdf(dir.filePath(QStringLiteral("no/such/folder/dps.pdf")));
    ASSERT_TRUE(spy.wait(20'000));
    EXPECT_TRUE(spy.at(1).at(1).toString().contains(QStringLiteral("dps.pdf")));
}

TEST(DpsForm, PageShowsTheFiguresAndMarksAnExercise)
{
    reports::DpsForm form;
    form.event = velodrome();
    form.inputs = {67'000, 0.25, 0.25, 0.25};
    form.assessment = *anticipation::assessDps(form.inputs);
    form.madeAt = QDateTime(QDate(2026, 10, 1), QTime(9, 30));
    const QString html = reports::dpsFormHtml(form);
    EXPECT_TRUE(html.contains(QStringLiteral(">50,25<")));
    EXPECT_TRUE(html.contains(QStringLiteral("DPS-GE")));
    EXPECT_TRUE(html.contains(QStringLiteral("Document établi avec Vigie le 1 octobre 2026 à 09:30")));
    EXPECT_TRUE(html.contains(QStringLiteral("dimanche 25 octobre 2026")));

    const QImage plain = reports::renderDpsForm(form, 60);
    EXPECT_EQ(plain.width(), 496); // A4 at 60 dpi
    int ink = 0;
    for (int y = 0; y < plain.height(); y += 2)
        for (int x = 0; x < plain.width(); x += 2)
            ink += plain.pixelColor(x, y).lightness() < 128;
    EXPECT_GT(ink, 500) << "the form's text is drawn";
    form.exercise = true;
    const QImage exercise = reports::renderDpsForm(form, 60);
    EXPECT_LT(orangePixels(plain), 20);
    EXPECT_GT(orangePixels(exercise), 500);
    if (const QByteArray dir = qgetenv("VIGIE_SCREENSHOT_DIR"); !dir.isEmpty())
        reports::renderDpsForm(form, 110).save(QString::fromLocal8Bit(dir) + QStringLiteral("/dps-form.png"));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
