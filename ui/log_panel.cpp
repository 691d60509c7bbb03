#include "ui/log_panel.h"

#include "ui/labels.h"
#include "ui/models/log_model.h"

#include "log/entry_kinds.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
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

void LogFilter::setText(const QString &text)
{
    const QStringList words = folded(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
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
    if (!m_kind.isEmpty() && e->kind != m_kind)
        return false;
    if (!m_agency.isEmpty() && e->agency != (m_agency == QLatin1String("-") ? QString() : m_agency))
        return false;
    if (m_words.isEmpty())
        return true;
    auto it = m_texts.constFind(e->id);
    if (it == m_texts.constEnd())
        it = m_texts.insert(e->id, searchable(*e));
    return std::all_of(m_words.begin(), m_words.end(), [&it](const QString &w) { return it->contains(w); });
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

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_search, 3);
    bar->addWidget(m_agency);
    bar->addWidget(m_kind);
    bar->addWidget(m_count);

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
    m_view->resizeColumnsToContents();

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
        updateCount();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setKind(m_kind->currentData().toString());
        updateCount();
    });

    connect(log, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        addKinds(first, last);
        updateCount();
        if (!m_filter->isActive())
            m_view->scrollToBottom();
    });
    connect(log, &QAbstractItemModel::rowsRemoved, this, &LogPanel::updateCount);
    connect(log, &QAbstractItemModel::modelReset, this, [this] {
        m_view->resizeColumnsToContents();
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

void LogPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void LogPanel::applyText()
{
    m_typing.stop();
    m_filter->setText(m_search->text());
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
    const QLocale locale;
    const int loaded = m_log->rowCount();
    m_count->setText(
        m_filter->isActive()
            ? tr("%1 sur %2 entrées").arg(locale.toString(m_filter->rowCount()), locale.toString(loaded))
            : tr("%1 entrées").arg(locale.toString(loaded)));
    m_count->setToolTip(tr("Le filtre porte sur les %1 entrées les plus récentes, chargées à l'ouverture ; "
                           "vigie-cli log cherche dans tout le journal.")
                            .arg(locale.toString(loaded)));
}

} // namespace vigie::ui
