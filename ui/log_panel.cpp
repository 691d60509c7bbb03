#include "ui/log_panel.h"

#include "ui/labels.h"
#include "ui/log_search_job.h"
#include "ui/models/log_model.h"

#include "log/entry_kinds.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace vigie::ui {

namespace {

/// Lower case without accents: "Décision" and "decision" find each other.
QString folded(const QString &text)
{
    QString out;
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    out.reserve(decomposed.size());
    for (const QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c.toLower());
    return out;
}

} // namespace

LogFilter::LogFilter(LogModel *log, QObject *parent) : QSortFilterProxyModel(parent), m_log(log)
{
    setSourceModel(log);
    // Rows that leave the window take their text with them, now and then: the cache never outgrows the log.
    connect(log, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] {
        if (m_texts.size() > 3 * qMax(1, m_log->rowCount()))
            m_texts.clear();
    });
}

QString LogFilter::searchable(const Entry &e)
{
    const QJsonObject &d = e.data;
    QStringList parts{LogModel::summary(e),  LogModel::sender(e),   e.author,
                      kindLabel(e.kind),     agencyLabel(e.agency), e.kind,
                      QString::number(e.seq)};
    for (const char *key : {"incident", "unit", "callsign", "title", "area", "zone", "hospital"})
        if (const QString v = d.value(QLatin1String(key)).toString(); !v.isEmpty())
            parts << v;
    return folded(parts.join(QLatin1Char('\n')));
}

QStringList LogFilter::foldedWords(const QString &text)
{
    return folded(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool LogFilter::accepts(const Entry &e, const QStringList &words, const QString &agency, const QString &kind,
                        const QString *text)
{
    if (!kind.isEmpty() && e.kind != kind)
        return false;
    if (!agency.isEmpty() && e.agency != (agency == QLatin1String("-") ? QString() : agency))
        return false;
    if (words.isEmpty())
        return true;
    const QString own = text ? QString() : searchable(e);
    const QString &haystack = text ? *text : own;
    return std::all_of(words.begin(), words.end(),
                       [&haystack](const QString &w) { return haystack.contains(w); });
}

void LogFilter::setText(const QString &text)
{
    const QStringList words = foldedWords(text);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

void LogFilter::setAgency(const QString &agency)
{
    if (agency == m_agency)
        return;
    m_agency = agency;
    invalidateFilter();
}

void LogFilter::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateFilter();
}

bool LogFilter::isActive() const
{
    return !m_words.isEmpty() || !m_agency.isEmpty() || !m_kind.isEmpty();
}

bool LogFilter::prepare(int rows)
{
    const int total = m_log->rowCount();
    m_prepared = std::min(m_prepared, total); // rows dropped from the window's start
    for (const int end = std::min(total, m_prepared + rows); m_prepared < end; ++m_prepared) {
        const Entry *e = m_log->entryAt(m_prepared);
        if (e && !m_texts.contains(e->id))
            m_texts.insert(e->id, searchable(*e));
    }
    return m_prepared >= total;
}

bool LogFilter::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    if (parent.isValid())
        return false;
    const Entry *e = m_log->entryAt(row);
    if (!e)
        return false;
    if (m_words.isEmpty())
        return accepts(*e, {}, m_agency, m_kind);
    auto it = m_texts.constFind(e->id);
    if (it == m_texts.constEnd())
        it = m_texts.insert(e->id, searchable(*e));
    return accepts(*e, m_words, m_agency, m_kind, &*it);
}

LogPanel::LogPanel(LogModel *log, QWidget *parent) : QWidget(parent), m_log(log)
{
    setObjectName(QStringLiteral("LogPanel"));
    m_filter = new LogFilter(log, this);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("LogSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Rechercher dans la main courante (Ctrl+F)"));
    m_search->setToolTip(tr("Mots cherchés dans le résumé, l'auteur, la nature et le service de chaque "
                            "entrée, sans tenir compte des majuscules ni des accents. Échap efface."));

    m_agency = new QComboBox(this);
    m_agency->setObjectName(QStringLiteral("LogAgency"));
    m_agency->setToolTip(tr("Ne montrer que les entrées d'un service"));
    m_agency->addItem(tr("Tous les services"), QString());
    for (const char *a : {"fire", "samu", "police", "officials"})
        m_agency->addItem(agencyLabel(QLatin1String(a)), QLatin1String(a));
    m_agency->addItem(tr("Sans service"), QStringLiteral("-"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("LogKind"));
    m_kind->setToolTip(tr("Ne montrer que les entrées d'une nature"));
    m_kind->addItem(tr("Toutes les natures"), QString());
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("LogCount"));
    m_wholeLog = new QPushButton(tr("Tout le journal"), this);
    m_wholeLog->setObjectName(QStringLiteral("LogWholeSearch"));
    m_wholeLog->setToolTip(
        tr("Chercher avec ces conditions dans tout le journal de la salle, pas seulement "
           "dans les entrées chargées ; la fenêtre reste utilisable pendant la recherche."));
    m_wholeLog->hide(); // until the room file is known (setRoomFile)
    connect(m_wholeLog, &QPushButton::clicked, this, &LogPanel::searchWholeLog);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_search, 3);
    bar->addWidget(m_agency);
    bar->addWidget(m_kind);
    bar->addWidget(m_count);
    bar->addWidget(m_wholeLog);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("LogView"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(LogModel::Seq, QHeaderView::ResizeToContents);
    m_view->setWordWrap(false);
    m_view->sortByColumn(LogModel::Seq, Qt::AscendingOrder);
    fitColumns();
    m_view->installEventFilter(this); // the time column follows the table's type (a shared screen's larger)

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    // Ctrl+F while the log (its table or its bar) has the focus, as in any list that can be searched.
    auto *find = new QAction(tr("Rechercher dans la main courante"), this);
    find->setObjectName(QStringLiteral("LogFind"));
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, &LogPanel::focusSearch);
    addAction(find);
    auto *clear = new QAction(tr("Effacer la recherche"), m_search);
    clear->setObjectName(QStringLiteral("LogClearSearch"));
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    clear->setShortcutContext(Qt::WidgetShortcut);
    connect(clear, &QAction::triggered, m_search, &QLineEdit::clear);
    m_search->addAction(clear);

    // The text waits for a pause in typing; the lists apply at once.
    m_typing.setSingleShot(true);
    m_typing.setInterval(200);
    connect(&m_typing, &QTimer::timeout, this, &LogPanel::applyText);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_typing.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, &LogPanel::applyText);
    connect(m_agency, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setAgency(m_agency->currentData().toString());
        conditionsChanged();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setKind(m_kind->currentData().toString());
        conditionsChanged();
    });

    connect(log, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        // The first rows of a log that was empty when the table was laid out: the columns were sized for
        // their headers only. Later rows keep the widths (a reader may have widened a column).
        if (first == 0 && last + 1 == m_log->rowCount())
            fitColumns();
        addKinds(first, last);
        updateCount();
        if (!m_filter->isActive() && !m_results)
            m_view->scrollToBottom();
    });
    connect(log, &QAbstractItemModel::rowsRemoved, this, &LogPanel::updateCount);
    connect(log, &QAbstractItemModel::modelReset, this, [this] {
        fitColumns();
        addKinds(0, m_log->rowCount() - 1);
        updateCount();
    });
    addKinds(0, log->rowCount() - 1);
    updateCount();
    m_view->scrollToBottom();

    // 500 entries a slice: a few milliseconds, then the window's events again.
    m_preparing.setInterval(0);
    connect(&m_preparing, &QTimer::timeout, this, [this] {
        if (m_filter->prepare(500))
            m_preparing.stop();
    });
    m_preparing.start();
}

void LogPanel::fitColumns()
{
    // The summary is the last section, stretched: it takes whatever width the others leave.
    m_view->resizeColumnsToContents();
    fitTimeColumn();
}

void LogPanel::fitTimeColumn()
{
    // From the type, not from the rows shown: none may be loaded yet, and the widest digit makes the
    // widest time (digits are not all as wide in every font).
    const QFontMetrics metrics(m_view->font());
    QChar widest = QLatin1Char('0');
    for (char16_t d = u'1'; d <= u'9'; ++d)
        if (metrics.horizontalAdvance(QChar(d)) > metrics.horizontalAdvance(widest))
            widest = QChar(d);
    const QString sample = QStringLiteral("00/00/0000 00:00:00").replace(QLatin1Char('0'), widest);
    // The item delegate's margins: a focus frame's, plus one pixel, on each side.
    const int margins = 2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1);
    const int width = std::max(metrics.horizontalAdvance(sample) + margins + 4,
                               m_view->horizontalHeader()->sectionSizeHint(LogModel::Time));
    m_view->horizontalHeader()->resizeSection(LogModel::Time, width);
}

bool LogPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::FontChange)
        fitTimeColumn();
    return QWidget::eventFilter(watched, event);
}

void LogPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void LogPanel::applyText()
{
    m_typing.stop();
    const QStringList before = m_filter->words();
    m_filter->setText(m_search->text());
    if (m_filter->words() != before)
        conditionsChanged();
}

void LogPanel::conditionsChanged()
{
    showLive();
    m_view->scrollToBottom(); // the newest matches, as the live log shows the newest entries
}

void LogPanel::setRoomFile(const QString &path)
{
    m_roomFile = path.contains(QLatin1String("://")) ? QString() : path;
    m_wholeLog->setVisible(!m_roomFile.isEmpty());
    updateCount();
}

void LogPanel::searchWholeLog()
{
    if (m_job) {
        m_job->stop();
        return;
    }
    if (m_results) {
        showLive();
        return;
    }
    if (m_roomFile.isEmpty() || !m_filter->isActive())
        return;
    applyText();
    // Up to the last entry the log holds (the picture's fold): what the live log would show, and older.
    qint64 upTo = 0;
    for (int row = m_log->rowCount() - 1; row >= 0 && upTo == 0; --row)
        if (!m_log->isPending(row))
            upTo = m_log->entryAt(row)->seq;
    LogSearch search;
    search.words = m_filter->words();
    search.agency = m_filter->agency();
    search.kind = m_filter->kind();
    search.upToSeq = upTo;
    m_job = new LogSearchJob(m_roomFile, search, this);
    connect(m_job, &LogSearchJob::progress, this, [this](qint64 seq, qint64 total) {
        m_count->setText(tr("Recherche dans tout le journal… %1 %").arg(total > 0 ? seq * 100 / total : 100));
    });
    connect(m_job, &LogSearchJob::finished, this, &LogPanel::showResults);
    m_wholeLog->setText(tr("Arrêter"));
    m_count->setText(tr("Recherche dans tout le journal…"));
}

void LogPanel::showResults(const LogSearchResult &result)
{
    m_job->deleteLater();
    m_job = nullptr;
    if (!result.error.isEmpty()) {
        m_wholeLog->setText(tr("Tout le journal"));
        m_count->setText(tr("Recherche impossible"));
        m_count->setToolTip(result.error);
        Q_EMIT searchFinished();
        return;
    }
    m_results = new LogModel(result.matches, this);
    m_resultsProxy = new QSortFilterProxyModel(this);
    m_resultsProxy->setSourceModel(m_results);
    QItemSelectionModel *old = m_view->selectionModel();
    m_view->setModel(m_resultsProxy);
    delete old;
    m_view->sortByColumn(LogModel::Seq, Qt::AscendingOrder);
    m_view->scrollToBottom();
    const QLocale locale;
    QString said =
        qint64(result.matches.size()) < result.found
            ? tr("%1 trouvées dans tout le journal, les %2 plus récentes affichées")
                  .arg(locale.toString(result.found), locale.toString(qint64(result.matches.size())))
            : tr("%1 trouvées dans tout le journal").arg(locale.toString(result.found));
    if (result.stopped)
        said += tr(" (recherche arrêtée)");
    m_count->setText(said);
    m_count->setToolTip(tr("%1 entrées parcourues.").arg(locale.toString(result.scanned)));
    m_wholeLog->setText(tr("Revenir au direct"));
    Q_EMIT searchFinished();
}

void LogPanel::showLive()
{
    if (m_job) {
        m_job->stop();
        m_job->deleteLater(); // its result, if it comes, goes nowhere
        m_job = nullptr;
    }
    if (m_results) {
        QItemSelectionModel *old = m_view->selectionModel();
        m_view->setModel(m_filter);
        delete old;
        delete m_resultsProxy;
        delete m_results;
        m_resultsProxy = nullptr;
        m_results = nullptr;
    }
    m_wholeLog->setText(tr("Tout le journal"));
    updateCount();
}

void LogPanel::addKinds(int first, int last)
{
    // The natures the loaded entries have, by their French (or English) name; new ones as they come.
    for (int row = first; row <= last; ++row) {
        const Entry *e = m_log->entryAt(row);
        if (!e || m_kind->findData(e->kind) >= 0)
            continue;
        const QString label = kindLabel(e->kind);
        int at = 1;
        while (at < m_kind->count() && QString::localeAwareCompare(m_kind->itemText(at), label) < 0)
            ++at;
        m_kind->insertItem(at, label, e->kind);
    }
}

void LogPanel::updateCount()
{
    m_wholeLog->setEnabled(m_filter->isActive() || m_job || m_results);
    if (m_job || m_results)
        return; // the search's progress or its results are said instead
    const QLocale locale;
    const int loaded = m_log->rowCount();
    m_count->setText(
        m_filter->isActive()
            ? tr("%1 sur %2 entrées").arg(locale.toString(m_filter->rowCount()), locale.toString(loaded))
            : tr("%1 entrées").arg(locale.toString(loaded)));
    m_count->setToolTip(
        m_roomFile.isEmpty()
            ? tr("Le filtre porte sur les %1 entrées les plus récentes, chargées à l'ouverture ; "
                 "vigie-cli log cherche dans tout le journal.")
                  .arg(locale.toString(loaded))
            : tr("Le filtre porte sur les %1 entrées les plus récentes, chargées à l'ouverture ; "
                 "« Tout le journal » cherche aussi dans les plus anciennes.")
                  .arg(locale.toString(loaded)));
}

} // namespace vigie::ui
