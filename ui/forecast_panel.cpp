#include "ui/forecast_panel.h"

#include "maps/web_mercator.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QTableWidget>
#include <QValueAxis>

#include <cmath>

namespace vigie::ui {

namespace {

using namespace anticipation;

QChartView *chartView(QWidget *parent)
{
    auto *view = new QChartView(new QChart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(240, 200);
    view->chart()->legend()->setAlignment(Qt::AlignBottom);
    view->chart()->setMargins(QMargins(2, 2, 2, 2));
    return view;
}

void resetChart(QChart *chart, const QString &title)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle(title);
}

} // namespace

ForecastPanel::ForecastPanel(QString roomFile, QWidget *parent)
    : QWidget(parent), m_roomFile(std::move(roomFile))
{
    setObjectName(QStringLiteral("ForecastPanel"));
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Événement :"), this));
    m_event = new QComboBox(this);
    m_event->setObjectName(QStringLiteral("ForecastEvent"));
    m_event->setMinimumContentsLength(20);
    m_event->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    top->addWidget(m_event, 1);
    top->addWidget(new QLabel(tr("Capacité d'un binôme :"), this));
    m_capacity = new QSpinBox(this);
    m_capacity->setRange(1, 50);
    m_capacity->setValue(defaultCapacity);
    m_capacity->setSuffix(tr(" interventions"));
    m_capacity->setToolTip(tr("Interventions qu'un binôme de policiers peut traiter pendant l'événement. "
                              "Policiers = 2 × ⌈borne haute à 95 % / capacité⌉."));
    top->addWidget(m_capacity);
    m_run = new QPushButton(tr("Calculer"), this);
    top->addWidget(m_run);
    m_onMap = new QCheckBox(tr("Interventions attendues sur la carte"), this);
    m_onMap->setChecked(true);
    top->addWidget(m_onMap);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 4);
    m_progress->setMaximumWidth(160);
    top->addWidget(m_progress);

    m_bands = chartView(this);
    m_pai = chartView(this);
    m_staffing = new QLabel(this);
    m_staffing->setObjectName(QStringLiteral("ForecastStaffing"));
    m_staffing->setWordWrap(true);
    m_staffing->setTextFormat(Qt::RichText);
    m_staffing->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_learned = new QTableWidget(0, 4, this);
    m_learned->setObjectName(QStringLiteral("ForecastLearned"));
    m_learned->setHorizontalHeaderLabels(
        {tr("Événement passé"), tr("Titre"), tr("Affluence"), tr("Interventions observées")});
    // The date, the attendance and the count as wide as they read (the first header was cut), the title the
    // rest.
    for (int c : {0, 2, 3})
        m_learned->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_learned->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_learned->verticalHeader()->hide();
    m_learned->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    auto *right = new QVBoxLayout;
    right->addWidget(m_staffing);
    right->addWidget(m_learned, 1);
    auto *grid = new QGridLayout(this);
    grid->addLayout(top, 0, 0, 1, 3);
    grid->addWidget(m_bands, 1, 0);
    grid->addWidget(m_pai, 1, 1);
    grid->addLayout(right, 1, 2);
    grid->addWidget(m_status, 2, 0, 1, 3);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    grid->setRowStretch(1, 1);

    connect(m_run, &QPushButton::clicked, this, &ForecastPanel::compute);
    connect(m_onMap, &QCheckBox::toggled, this, &ForecastPanel::publishCells);
}

QString ForecastPanel::typeLabel(const QString &type)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("match"), QT_TR_NOOP("match")},
        {QStringLiteral("concert"), QT_TR_NOOP("concert")},
        {QStringLiteral("market"), QT_TR_NOOP("marché")},
        {QStringLiteral("demonstration"), QT_TR_NOOP("manifestation")},
        {QStringLiteral("roadworks"), QT_TR_NOOP("travaux")},
        {QStringLiteral("closure"), QT_TR_NOOP("fermeture de voie")},
        {QStringLiteral("festival"), QT_TR_NOOP("festival")},
        {QStringLiteral("ceremony"), QT_TR_NOOP("cérémonie")},
        {QStringLiteral("other"), QT_TR_NOOP("autre")}};
    const auto it = words.constFind(type);
    return it == words.cend() ? type : tr(*it);
}

QString ForecastPanel::bandLabel(int band)
{
    switch (band) {
    case 0:
        return tr("nuit (0 h – 6 h)");
    case 1:
        return tr("matin (6 h – 12 h)");
    case 2:
        return tr("après-midi (12 h – 18 h)");
    default:
        return tr("soirée (18 h – 24 h)");
    }
}

void ForecastPanel::compute()
{
    if (m_job)
        return;
    ForecastRequest request{m_roomFile, m_event->currentData().toString(), m_capacity->value()};
    m_job = new ForecastJob(std::move(request), this);
    m_run->setEnabled(false);
    m_progress->setValue(0);
    connect(m_job, &ForecastJob::progress, this, [this](int step, int steps, const QString &what) {
        m_progress->setMaximum(steps);
        m_progress->setValue(step - 1);
        m_status->setText(what);
    });
    connect(m_job, &ForecastJob::finished, this, [this](const ForecastResult &result) {
        m_job->deleteLater();
        m_job = nullptr;
        m_run->setEnabled(true);
        m_progress->setValue(m_progress->maximum());
        show(result);
        Q_EMIT computed();
    });
}

void ForecastPanel::show(const ForecastResult &r)
{
    if (!r.error.isEmpty()) {
        m_status->setText(tr("La salle n'a pas pu être lue : %1").arg(r.error));
        m_cells.clear();
        publishCells();
        return;
    }
    const QString chosen = r.staffing ? r.staffing->eventId : m_event->currentData().toString();
    m_event->blockSignals(true);
    m_event->clear();
    const QLocale locale; // the console's language (useLanguage)
    for (auto it = r.events.rbegin(); it != r.events.rend(); ++it)
        m_event->addItem(tr("%1 — %2").arg(locale.toString(it->start.toDateTime().toLocalTime(),
                                                           QStringLiteral("d MMM yyyy HH:mm")),
                                           it->title.isEmpty() ? it->id : it->title),
                         it->id);
    m_event->setCurrentIndex(std::max(0, m_event->findData(chosen)));
    m_event->blockSignals(false);
    showBands(r);
    showBacktest(r);
    showStaffing(r);
    m_cells.clear();
    if (r.hotspots)
        for (const HotspotCell &c : r.hotspots->cells) {
            maps::ShadedCell s;
            for (const GeoPoint &p : c.ring)
                s.world << maps::project(p, 0);
            s.value = c.perWeek;
            s.label = tr("%1 interventions attendues par semaine").arg(QLocale().toString(c.perWeek, 'f', 1));
            m_cells.push_back(std::move(s));
        }
    publishCells();
    QStringList notes;
    if (r.hotspots) {
        // A week count with a decimal: singular below two in French (« 1,0 semaine »).
        const QString weeks = QLocale().toString(r.hotspots->weeks, 'f', 1);
        notes
            << tr("%1 interventions apprises sur %2 ; %3 mailles de 500 m affichées, %4 masquées (moins de 5 "
                  "interventions).")
                   .arg(r.hotspots->incidents)
                   .arg(r.hotspots->weeks < 2 ? tr("%1 semaine").arg(weeks) : tr("%1 semaines").arg(weeks))
                   .arg(r.hotspots->cells.size())
                   .arg(r.hotspots->hiddenCells);
    } else {
        notes << tr("Carte des interventions attendues indisponible : %1").arg(r.hotspotsError);
    }
    if (!r.backtestError.isEmpty())
        notes << tr("Test rétrospectif indisponible : %1").arg(r.backtestError);
    m_status->setText(notes.join(QLatin1Char(' ')));
}

void ForecastPanel::showBands(const ForecastResult &r)
{
    QChart *chart = m_bands->chart();
    resetChart(chart, tr("Interventions attendues par tranche, semaine à venir"));
    if (!r.hotspots)
        return;
    auto *series = new QBoxPlotSeries;
    series->setName(tr("boîte 80 %, moustaches 95 %"));
    QStringList categories;
    double top = 1;
    for (const BandForecast &b : r.hotspots->bands) {
        const QString label = tr("%1 h").arg(b.band * 4);
        categories << label;
        auto *set = new QBoxSet(b.lower95, b.lower80, b.expected, b.upper80, b.upper95, label);
        series->append(set);
        top = std::max(top, double(b.upper95));
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    auto *y = new QValueAxis;
    y->setRange(0, std::ceil(top * 1.1));
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void ForecastPanel::showBacktest(const ForecastResult &r)
{
    QChart *chart = m_pai->chart();
    // An empty frame under its title reads as a chart still to come: say it will not, and why in short.
    resetChart(chart, r.backtest ? tr("Précision prédictive (PAI) par semaine testée")
                                 : tr("Précision (PAI) par semaine : indisponible, voir ci-dessous"));
    if (!r.backtest)
        return;
    auto *model = new QLineSeries;
    model->setName(tr("modèle (moy. %1)").arg(QLocale().toString(r.backtest->meanModelPai, 'f', 2)));
    auto *base = new QLineSeries;
    base->setName(
        tr("mois précédent (moy. %1)").arg(QLocale().toString(r.backtest->meanBaselinePai, 'f', 2)));
    double top = 1;
    int week = 0;
    for (const WeekScore &s : r.backtest->weeks) {
        ++week;
        if (std::isnan(s.modelPai))
            continue;
        model->append(week, s.modelPai);
        base->append(week, s.baselinePai);
        top = std::max({top, s.modelPai, s.baselinePai});
    }
    model->setPointsVisible(true);
    base->setPointsVisible(true);
    chart->addSeries(model);
    chart->addSeries(base);
    auto *x = new QValueAxis;
    x->setRange(1, std::max(2, week));
    x->setTickCount(std::clamp(week / 2 + 1, 2, 7));
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(tr("semaine (%1 % des mailles signalées)")
                        .arg(qRound(100.0 * r.backtest->flaggedCells / r.backtest->totalCells)));
    auto *y = new QValueAxis;
    y->setRange(0, std::ceil(top * 1.1));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : {model, base}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

void ForecastPanel::showStaffing(const ForecastResult &r)
{
    m_learned->setRowCount(0);
    if (!r.staffing) {
        m_staffing->setText(
            tr("<b>Effectifs</b><br>Pas d'estimation : %1").arg(r.staffingError.toHtmlEscaped()));
        return;
    }
    const StaffingAnswer &a = *r.staffing;
    const Prediction &p = a.prediction;
    const QLocale locale; // the console's language (useLanguage)
    m_staffing->setText(
        tr("<b>%1</b><br>%2, %3 personnes, %4%5<br>"
           "Interventions attendues : <b>%6</b> (80 % : %7 à %8 ; 95 % : %9 à %10)<br>"
           "Policiers nécessaires : <b>%11</b> (2 × ⌈%10 / %12⌉)<br>"
           "Modèle : %13, appris sur %14 événements passés (liste ci-dessous).")
            .arg(a.title.toHtmlEscaped(), typeLabel(a.event.type),
                 locale.toString(qint64(a.event.attendance)), bandLabel(a.event.hourBand),
                 a.event.weekend ? tr(", week-end") : QString())
            .arg(locale.toString(p.expected, 'f', 1))
            .arg(p.lower80)
            .arg(p.upper80)
            .arg(p.lower95)
            .arg(p.upper95)
            .arg(a.officers)
            .arg(a.capacity)
            .arg(a.model.family == Family::Poisson
                     ? tr("Poisson")
                     : tr("binomiale négative (θ = %1)").arg(locale.toString(a.model.theta, 'f', 1)))
            .arg(a.model.learned.size()));
    m_learned->setRowCount(int(a.model.learned.size()));
    int row = 0;
    for (auto it = a.model.learned.rbegin(); it != a.model.learned.rend(); ++it, ++row) {
        m_learned->setItem(row, 0, new QTableWidgetItem(it->id));
        m_learned->setItem(row, 1, new QTableWidgetItem(it->title));
        auto *att = new QTableWidgetItem(locale.toString(it->attendance));
        att->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_learned->setItem(row, 2, att);
        auto *obs = new QTableWidgetItem(QString::number(it->observed));
        obs->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_learned->setItem(row, 3, obs);
    }
    m_learned->resizeColumnsToContents();
}

void ForecastPanel::publishCells()
{
    Q_EMIT expectedCellsChanged(m_onMap->isChecked() ? m_cells : std::vector<maps::ShadedCell>{});
}

} // namespace vigie::ui
