#pragma once
// The layer panel: one check box per layer with its count, and how many objects have no position.
#include "maps/map_view.h"

#include <QWidget>

class QListWidget;
class QLabel;

namespace vigie::maps {

class LayerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LayerPanel(MapView &view, QWidget *parent = nullptr);
    void refresh();

private:
    MapView &m_view;
    QListWidget *m_list;
    QLabel *m_unplaced;
};

} // namespace vigie::maps
