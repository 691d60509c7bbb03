#include "ui/incidents_panel.h"

#include "ui/labels.h"
#include "ui/models/incidents_model.h"

#include "room/picture_manager.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace vigie::ui {

namespace {

/// Lower case without accents: "Fumée" is found by "fumee" as by "fumée".
QString folded(const QString &text)
{
    QString out;
    const QString decomposed = text.normalized(QString::NormalizationForm_D).toLower();
    out.reserve(decomposed.size());
    for (const QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c);
    return out;
}

/// A row's title on two lines: the title, then its nature and place in smaller grey type. A narrow dock then
/// reads every row whole, where five columns would each be cut short.
class TitleDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        const QString title = opt.text;
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, p, widget); // background and selection
        const bool selected = opt.state & QStyle::State_Selected;
        const QVariant foreground = index.data(Qt::ForegroundRole);
        const QColor main = selected                          ? opt.palette.color(QPalette::HighlightedText)
                            : foreground.canConvert<QColor>() ? foreground.value<QColor>()
                                                              : opt.palette.color(QPalette::Text);
        const QRect r = opt.rect.adjusted(4, 3, -4, -3);
        const QFontMetrics fm(opt.font);
        p->save();
        p->setFont(opt.font);
        p->setPen(main);
        p->drawText(QRect(r.left(), r.top(), r.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(title, Qt::ElideRight, r.width()));
        const QFont small = subtitleFont(opt.font);
        const QFontMetrics sm(small);
        p->setFont(small);
        p->setPen(selected ? main : QColor(0x4A, 0x4A, 0x4A));
        p->drawText(
            QRect(r.left(), r.top() + fm.height(), r.width(), sm.height()), Qt::AlignLeft | Qt::AlignVCenter,
            sm.elidedText(index.data(IncidentsModel::SubtitleRole).toString(), Qt::ElideRight, r.width()));
        p->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QSize one = QStyledItemDelegate::sizeHint(option, index);
        return {one.width(), rowHeight(option.font)};
    }
    [[nodiscard]] static QFont subtitleFont(QFont f)
    {
        f.setBold(false);
        f.setPointSizeF(f.pointSizeF() * 0.9);
        return f;
    }
    [[nodiscard]] static int rowHeight(const QFont &f)
    {
        return QFontMetrics(f).height() + QFontMetrics(subtitleFont(f)).height() + 8;
    }
};

} // namespace

void IncidentsFilter::setWords(const QString &text)
{
    m_words = folded(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void IncidentsFilter::setMinimumSeverity(int severity)
{
    m_minimumSeverity = severity;
    invalidateFilter();
}

void IncidentsFilter::setAgency(const QString &agency)
{
    m_agency = agency;
    invalidateFilter();
}

bool IncidentsFilter::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QModelIndex index = sourceModel()->index(row, 0, parent);
    if (index.data(IncidentsModel::SeverityRole).toInt() < m_minimumSeverity)
        return false;
    if (!m_agency.isEmpty() && index.data(IncidentsModel::AgencyRole).toString() != m_agency)
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack = folded(index.data(IncidentsModel::SearchRole).toString());
    return std::all_of(m_words.begin(), m_words.end(),
                       [&haystack](const QString &w) { return haystack.contains(w); });
}

namespace {

/// A filter's combo as wide as its longest choice at most, as narrow as a few letters at least.
void fitFilter(QComboBox *combo)
{
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    const int whole = combo->sizeHint().width();
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMaximumWidth(whole);
}

} // namespace

IncidentsPanel::IncidentsPanel(PictureManager &manager, QWidget *parent) : QWidget(parent), m_manager(manager)
{
    setObjectName(QStringLiteral("IncidentsPanel"));
    m_model = new IncidentsModel(manager, this);
    m_filter = new IncidentsFilter(this);
    m_filter->setSourceModel(m_model);
    m_filter->setSortRole(Qt::EditRole); // severity and age as numbers, not as text

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("IncidentsSearch"));
    m_search->setPlaceholderText(tr("Filtrer : titre, nature, lieu, référence… (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Les interventions dont le titre, la nature, le lieu ou la référence contiennent "
                            "tous les mots tapés (accents et majuscules indifférents)."));
    m_severity = new QComboBox(this);
    m_severity->setObjectName(QStringLiteral("IncidentsSeverity"));
    m_severity->addItem(tr("Toutes gravités"), 0);
    m_severity->addItem(tr("Gravité 2 et plus"), 2);
    m_severity->addItem(tr("Gravité 3 et plus"), 3);
    m_severity->addItem(tr("Gravité 4 et plus"), 4);
    m_severity->addItem(tr("Gravité 5"), 5);
    m_agency = new QComboBox(this);
    m_agency->setObjectName(QStringLiteral("IncidentsAgency"));
    m_agency->addItem(tr("Tous services"), QString());
    for (const char *a : {"fire", "samu", "police", "officials"})
        m_agency->addItem(agencyLabel(QLatin1String(a)), QLatin1String(a));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("IncidentsCount"));
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // The filters read whole when the panel has room (« Toutes gravités ») and give way on a small screen
    // (the window must fit 1024 px): the combos shrink to a few letters, the count may be cut.
    for (QComboBox *combo : {m_severity, m_agency}) {
        combo->setMinimumContentsLength(8);
        fitFilter(combo);
        combo->installEventFilter(this); // and again in the shared screen's larger type
    }
    m_count->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("IncidentsView"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(IncidentsModel::Severity, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->setItemDelegateForColumn(IncidentsModel::Title, new TitleDelegate(m_view));
    m_view->installEventFilter(this); // rows and columns follow the font (shared screen)
    auto *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(IncidentsModel::Title, QHeaderView::Stretch);
    header->setHighlightSections(false);
    fitColumns();
    // Nature and place are under each title; the rest is in the Détail dock. The header's menu brings
    // these columns back.
    for (int c : {int(IncidentsModel::Type), int(IncidentsModel::Place), int(IncidentsModel::Casualties),
                  int(IncidentsModel::Status), int(IncidentsModel::Opened)})
        m_view->setColumnHidden(c, true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint &at) {
        QMenu menu(this);
        for (int c = 0; c < IncidentsModel::ColumnCount; ++c) {
            if (c == IncidentsModel::Title)
                continue;
            QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
            a->setCheckable(true);
            a->setChecked(!m_view->isColumnHidden(c));
            connect(a, &QAction::toggled, m_view, [this, c](bool on) { m_view->setColumnHidden(c, !on); });
        }
        menu.exec(header->mapToGlobal(at));
    });

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_severity, 1);
    filters->addWidget(m_agency, 1);
    filters->addWidget(m_count, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);

    connect(m_search, &QLineEdit::textChanged, m_filter, &IncidentsFilter::setWords);
    // Ctrl+F in the list reaches its filter (Ctrl+3 brings the list; the log has its own Ctrl+F, so the
    // key belongs to the panel that has the focus); the down arrow goes from the filter to the list, whose
    // arrows and Entrée pick an incident.
    auto *find = new QAction(tr("Filtrer les interventions"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(find);
    m_search->installEventFilter(this);
    connect(m_severity, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setMinimumSeverity(m_severity->currentData().toInt()); });
    connect(m_agency, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setAgency(m_agency->currentData().toString()); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &IncidentsPanel::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &IncidentsPanel::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &IncidentsPanel::updateCount);

    // Picked with the mouse or the arrows (the current row), or Entrée: announced once per change; a click
    // on the row already picked announces it again (the map may have moved since).
    auto announce = [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT incidentSelected(index.data(IncidentsModel::IdRole).toString());
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [announce](const QModelIndex &current) { announce(current); });
    connect(m_view, &QTableView::clicked, this, [this, announce](const QModelIndex &index) {
        if (index.row() == m_view->selectionModel()->currentIndex().row())
            announce(index);
    });
    connect(m_view, &QTableView::activated, this, announce);

    connect(m_model, &IncidentsModel::severeIncident, this, [this](const QString &, const QString &title) {
        Q_EMIT notice(tr("Intervention de gravité 4 : %1").arg(title));
    });
    m_ticks.setInterval(30000); // ages in minutes, marks that fade after a few minutes
    connect(&m_ticks, &QTimer::timeout, m_model, &IncidentsModel::tick);
    m_ticks.start();
    updateCount();
}

QSize IncidentsPanel::sizeHint() const
{
    int width = 0;
    for (int c = 0; c < IncidentsModel::ColumnCount; ++c)
        if (!m_view->isColumnHidden(c) && c != IncidentsModel::Title)
            width += m_view->columnWidth(c);
    width += m_view->fontMetrics().horizontalAdvance(QStringLiteral("Feu d'appartement, 3e étage – Belle"));
    return {width + 24, QWidget::sizeHint().height()};
}

void IncidentsPanel::fitColumns()
{
    // From the view's font: the shared screen's larger type needs wider columns and taller rows.
    const QFontMetrics fm(m_view->font()), head(m_view->horizontalHeader()->font());
    // The larger of the header's word and the cells' widest text (the header keeps its size on a wall).
    auto fit = [&](int column, const char *widest, int padding) {
        const QString header = m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        m_view->setColumnWidth(column, std::max(head.horizontalAdvance(header) + 22,
                                                fm.horizontalAdvance(QString::fromUtf8(widest)) + padding));
    };
    fit(IncidentsModel::Severity, "4", 20);
    fit(IncidentsModel::Type, "Feu d'espace natur", 0);
    fit(IncidentsModel::Place, "15e et 16e arr.", 14);
    fit(IncidentsModel::Age, "22 h 00", 12);
    fit(IncidentsModel::Units, "00", 12);
    m_view->verticalHeader()->setDefaultSectionSize(TitleDelegate::rowHeight(m_view->font()));
}

bool IncidentsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::FontChange)
        fitColumns();
    if ((watched == m_severity || watched == m_agency) && event->type() == QEvent::FontChange)
        fitFilter(static_cast<QComboBox *>(watched));
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_filter->rowCount() > 0) {
        m_view->setFocus(Qt::TabFocusReason);
        if (!m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_filter->index(0, IncidentsModel::Title));
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void IncidentsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Once, in a dock of a window at its final size: wide enough to read a row, without taking more than a
    // quarter or so of the window from the map.
    auto *dock = qobject_cast<QDockWidget *>(parentWidget());
    auto *main = dock ? qobject_cast<QMainWindow *>(dock->parentWidget()) : nullptr;
    if (m_sized || !main || dock->isFloating())
        return;
    m_sized = true;
    const int wanted = std::min(sizeHint().width(), std::max(340, main->width() * 27 / 100));
    main->resizeDocks({dock}, {wanted}, Qt::Horizontal);
}

bool IncidentsPanel::selectIncident(const QString &id)
{
    const int sourceRow = m_model->rowOf(id);
    if (sourceRow < 0)
        return false;
    QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, IncidentsModel::Title));
    if (!index.isValid()) { // filtered out: show everything again rather than select nothing
        m_search->clear();
        m_severity->setCurrentIndex(0);
        m_agency->setCurrentIndex(0);
        index = m_filter->mapFromSource(m_model->index(sourceRow, IncidentsModel::Title));
    }
    const bool already = m_view->currentIndex().row() == index.row();
    m_view->setCurrentIndex(index);
    m_view->selectRow(index.row());
    m_view->scrollTo(index);
    if (already) // no change of row to announce it
        Q_EMIT incidentSelected(id);
    return true;
}

void IncidentsPanel::updateCount()
{
    const int shown = m_filter->rowCount(), all = m_model->rowCount();
    if (shown != all)
        m_count->setText(tr("%1 sur %2").arg(shown).arg(all));
    else
        m_count->setText(all == 0   ? tr("aucune intervention")
                         : all == 1 ? tr("1 intervention")
                                    : tr("%1 interventions").arg(all));
}

} // namespace vigie::ui
