#include "ui/dps_dialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace vigie::ui {

using namespace anticipation;

namespace {

QComboBox *levelBox(DpsFactor factor, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    for (const DpsLevel &level : dpsLevels(factor))
        box->addItem(level.label, level.value);
    // The wording is long: the box shows its start, the line under it the whole, the list all of it.
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(40);
    return box;
}

QLabel *wrapped(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void selectValue(QComboBox *box, double value)
{
    for (int i = 0; i < box->count(); ++i)
        if (qAbs(box->itemData(i).toDouble() - value) < 1e-6)
            box->setCurrentIndex(i);
}

} // namespace

DpsDialog::DpsDialog(bool exercise, QWidget *parent) : QDialog(parent), m_exercise(exercise)
{
    build();
    recompute();
}

DpsDialog::DpsDialog(const reports::DpsEvent &event, qint64 attendance, bool exercise, QWidget *parent)
    : QDialog(parent), m_exercise(exercise)
{
    build();
    m_name->setText(event.name);
    if (event.date.isValid())
        m_date->setDate(event.date);
    m_place->setText(event.place);
    m_organiser->setText(event.organiser);
    setAttendance(attendance);
    recompute();
}

void DpsDialog::build()
{
    setObjectName(QStringLiteral("DpsDialog"));
    setWindowTitle(tr("Dimensionner un dispositif de secours (DPS)"));
    // Read on a wall screen as well as on a desk: one step larger than the window's type.
    QFont larger = font();
    larger.setPointSizeF(std::max(larger.pointSizeF() * 1.2, 12.0));
    setFont(larger);

    auto *layout = new QVBoxLayout(this);
    auto *intro = wrapped(this);
    intro->setText(tr("Grille d'évaluation des risques du référentiel national « dispositifs prévisionnels "
                      "de secours » (RNMSC-DPS, arrêté du 7 novembre 2006)."));
    layout->addWidget(intro);

    auto *columns = new QHBoxLayout;
    layout->addLayout(columns, 1);

    auto *inputs = new QVBoxLayout;
    columns->addLayout(inputs, 3);
    auto *eventBox = new QGroupBox(tr("Manifestation"), this);
    auto *eventForm = new QFormLayout(eventBox);
    m_name = new QLineEdit(eventBox);
    m_name->setPlaceholderText(tr("par exemple : OM – PSG"));
    m_date = new QDateEdit(QDate::currentDate(), eventBox);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_place = new QLineEdit(eventBox);
    m_place->setPlaceholderText(tr("par exemple : Orange Vélodrome, Marseille"));
    m_organiser = new QLineEdit(eventBox);
    eventForm->addRow(tr("&Nom :"), m_name);
    eventForm->addRow(tr("Da&te :"), m_date);
    eventForm->addRow(tr("&Lieu :"), m_place);
    eventForm->addRow(tr("&Organisateur :"), m_organiser);
    inputs->addWidget(eventBox);

    auto *gridBox = new QGroupBox(tr("Grille"), this);
    auto *grid = new QFormLayout(gridBox);
    grid->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_p1 = new QSpinBox(gridBox);
    m_p1->setRange(0, int(maxDpsPublic));
    m_p1->setGroupSeparatorShown(true);
    m_p1->setSingleStep(100);
    m_p1->setSuffix(tr(" personnes"));
    grid->addRow(tr("&Public présent en même temps (P1) :"), m_p1);
    m_p2 = levelBox(DpsFactor::P2, gridBox);
    m_p2Text = wrapped(gridBox);
    grid->addRow(tr("%1 :").arg(dpsFactorTitle(DpsFactor::P2)), m_p2);
    grid->addRow(m_p2Text);
    m_e1 = levelBox(DpsFactor::E1, gridBox);
    m_e1Text = wrapped(gridBox);
    grid->addRow(tr("%1 :").arg(dpsFactorTitle(DpsFactor::E1)), m_e1);
    grid->addRow(m_e1Text);
    m_e2 = levelBox(DpsFactor::E2, gridBox);
    m_e2Text = wrapped(gridBox);
    grid->addRow(tr("%1 :").arg(dpsFactorTitle(DpsFactor::E2)), m_e2);
    grid->addRow(m_e2Text);
    inputs->addWidget(gridBox);
    inputs->addStretch(1);

    auto *resultBox = new QGroupBox(tr("Dispositif"), this);
    auto *result = new QVBoxLayout(resultBox);
    m_headline = wrapped(resultBox);
    QFont headline = larger;
    headline.setPointSizeF(larger.pointSizeF() * 1.6);
    headline.setBold(true);
    m_headline->setFont(headline);
    m_details = wrapped(resultBox);
    m_steps = wrapped(resultBox);
    auto *stepsTitle = new QLabel(tr("Calcul"), resultBox);
    QFont bold = larger;
    bold.setBold(true);
    stepsTitle->setFont(bold);
    result->addWidget(m_headline);
    result->addWidget(m_details);
    result->addSpacing(8);
    result->addWidget(stepsTitle);
    result->addWidget(m_steps);
    result->addStretch(1);
    columns->addWidget(resultBox, 2);

    m_status = wrapped(this);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = buttons->addButton(tr("Exporter en PDF… (Ctrl+Entrée)"), QDialogButtonBox::ActionRole);
    // Entrée in a field must not close the dialog nor export: no default button.
    for (QAbstractButton *b : buttons->buttons())
        if (auto *push = qobject_cast<QPushButton *>(b))
            push->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &DpsDialog::chooseFileAndExport);
    layout->addWidget(buttons);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, this);
        connect(shortcut, &QShortcut::activated, this, [this] {
            if (m_export->isEnabled())
                chooseFileAndExport();
        });
    }

    connect(m_p1, &QSpinBox::valueChanged, this, &DpsDialog::recompute);
    for (QComboBox *box : {m_p2, m_e1, m_e2})
        connect(box, &QComboBox::currentIndexChanged, this, &DpsDialog::recompute);
    m_p1->setFocus();
    resize(1100, 720);
}

void DpsDialog::setAttendance(qint64 p1)
{
    m_p1->setValue(int(std::clamp<qint64>(p1, 0, maxDpsPublic)));
}

void DpsDialog::setFactors(double p2, double e1, double e2)
{
    selectValue(m_p2, p2);
    selectValue(m_e1, e1);
    selectValue(m_e2, e2);
}

reports::DpsForm DpsDialog::form() const
{
    reports::DpsForm f;
    f.event.name = m_name->text().trimmed();
    f.event.date = m_date->date();
    f.event.place = m_place->text().trimmed();
    f.event.organiser = m_organiser->text().trimmed();
    f.inputs = {double(m_p1->value()), m_p2->currentData().toDouble(), m_e1->currentData().toDouble(),
                m_e2->currentData().toDouble()};
    if (m_assessment)
        f.assessment = m_assessment.value();
    f.exercise = m_exercise;
    f.madeAt = QDateTime::currentDateTime();
    return f;
}

void DpsDialog::recompute()
{
    m_p2Text->setText(m_p2->currentText());
    m_e1Text->setText(m_e1->currentText());
    m_e2Text->setText(m_e2->currentText());
    m_assessment = assessDps({double(m_p1->value()), m_p2->currentData().toDouble(),
                              m_e1->currentData().toDouble(), m_e2->currentData().toDouble()});
    m_export->setEnabled(m_assessment.ok());
    if (!m_assessment) {
        m_headline->setText(tr("Calcul impossible"));
        m_details->setText(m_assessment.error().message.toHtmlEscaped());
        m_steps->clear();
        return;
    }
    const DpsAssessment &a = m_assessment.value();
    const QLocale locale;
    QString ris = locale.toString(a.ris, 'f', 5); // exact to 5 decimals: drop the trailing zeros
    while (ris.contains(locale.decimalPoint()) &&
           (ris.endsWith(QLatin1Char('0')) || ris.endsWith(locale.decimalPoint())))
        ris.chop(1);
    m_headline->setText(tr("RIS %1 — %2").arg(ris, dpsClassCode(a.dpsClass)));
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(dpsClassName(a.dpsClass).toHtmlEscaped());
    if (a.dpsClass != DpsClass::None) {
        lines << tr("<b>%1 intervenants secouristes</b>").arg(a.intervenants); // 2 at least: plural
        if (a.dpsClass == DpsClass::Paps)
            lines << tr("un binôme, sans poste de secours");
        else
            lines << tr("%1 poste(s) de secours, %2 équipe(s) de 4, %3 binôme(s)")
                         .arg(a.postes)
                         .arg(a.equipes)
                         .arg(a.binomes);
        if (a.chefsDePoste > 0)
            lines << tr("%1 chef(s) de poste, pris parmi les intervenants").arg(a.chefsDePoste);
        if (a.chefsDeSecteur > 0)
            lines << tr("+ %1 chef(s) de secteur").arg(a.chefsDeSecteur);
        if (a.chefsDeDispositif > 0)
            lines << tr("+ %1 chef de dispositif, au poste de commandement (PC)").arg(a.chefsDeDispositif);
        lines << tr("<b>Effectif total : %1</b>").arg(a.total);
    }
    m_details->setText(lines.join(QStringLiteral("<br>")));
    QString steps;
    for (const QString &s : a.steps)
        steps += QStringLiteral("<li>%1</li>").arg(s.toHtmlEscaped());
    m_steps->setText(QStringLiteral("<ol style=\"margin-left:0\">%1</ol>").arg(steps));
}

void DpsDialog::chooseFileAndExport()
{
    const QString base = m_name->text().trimmed().isEmpty() ? tr("dispositif") : m_name->text().trimmed();
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(tr("DPS - %1.pdf").arg(QString(base).replace(QLatin1Char('/'), QLatin1Char('-'))));
    const QString file = QFileDialog::getSaveFileName(this, tr("Exporter le dimensionnement en PDF"),
                                                      suggested, tr("PDF (*.pdf)"));
    if (!file.isEmpty())
        exportPdf(file);
}

void DpsDialog::exportPdf(const QString &file)
{
    if (!m_assessment)
        return;
    m_export->setEnabled(false);
    m_status->setText(tr("Écriture de %1…").arg(QDir::toNativeSeparators(file)));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, file] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_export->setEnabled(m_assessment.ok());
        m_status->setText(error.isEmpty() ? tr("Formulaire écrit : %1").arg(QDir::toNativeSeparators(file))
                                          : tr("Le PDF n'a pas pu être écrit : %1").arg(error));
        Q_EMIT exported(file, error);
    });
    // The form is a value: the worker paints its own copy.
    watcher->setFuture(QtConcurrent::run([form = form(), file]() -> QString {
        const auto written = reports::writeDpsPdf(file, form);
        return written ? QString() : written.error().message;
    }));
}

} // namespace vigie::ui
