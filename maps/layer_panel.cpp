#include "maps/layer_panel.h"

#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QVBoxLayout>

namespace vigie::maps {

namespace {
QIcon swatch(Layer layer)
{
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setPen(Qt::black);
    QColor c = layerColour(layer);
    if (layer == Layer::Zones)
        c.setAlpha(60);
    p.setBrush(c);
    p.drawRect(1, 1, 12, 12);
    return QIcon(pm);
}
} // namespace

LayerPanel::LayerPanel(MapView &view, QWidget *parent)
    : QWidget(parent), m_view(view), m_list(new QListWidget(this)), m_unplaced(new QLabel(this))
{
    setObjectName(QStringLiteral("LayerPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list);
    layout->addWidget(m_unplaced);
    m_unplaced->setWordWrap(true);
    // Top of the drawing order first, as layer lists usually read.
    for (int i = layerCount - 1; i >= 0; --i) {
        auto *item = new QListWidgetItem(swatch(Layer(i)), layerName(Layer(i)), m_list);
        item->setData(Qt::UserRole, i);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(view.layerVisible(Layer(i)) ? Qt::Checked : Qt::Unchecked);
    }
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        m_view.setLayerVisible(Layer(item->data(Qt::UserRole).toInt()), item->checkState() == Qt::Checked);
    });
    connect(&view, &MapView::contentsChanged, this, &LayerPanel::refresh);
    refresh();
}

void LayerPanel::refresh()
{
    const auto &c = m_view.contents();
    int unplaced = 0;
    QStringList detail;
    const QSignalBlocker block(m_list);
    for (int row = 0; row < m_list->count(); ++row) {
        auto *item = m_list->item(row);
        const int i = item->data(Qt::UserRole).toInt();
        item->setText(QStringLiteral("%1 (%2)").arg(layerName(Layer(i))).arg(c.counts[std::size_t(i)]));
        if (c.unplaced[std::size_t(i)] > 0) {
            unplaced += c.unplaced[std::size_t(i)];
            detail << QStringLiteral("%1 : %2").arg(layerName(Layer(i))).arg(c.unplaced[std::size_t(i)]);
        }
    }
    m_unplaced->setText(unplaced == 0 ? tr("Tous les objets ont une position.")
                                      : tr("%n objet(s) sans position (non affichés) — %1", nullptr, unplaced)
                                            .arg(detail.join(QStringLiteral(", "))));
}

} // namespace vigie::maps
