#pragma once
// The main courante: the room's log, newest last, as the PictureManager reports appended entries.
#include "log/entry.h"

#include <QAbstractTableModel>
#include <QColor>

#include <vector>

namespace vigie {
class PictureManager;
struct Picture;
} // namespace vigie

namespace vigie::ui {

class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Seq,
        Time,
        Agency,
        Author,
        Kind,
        Summary,
        ColumnCount
    };

    /// Shows the last `keep` entries of the room (older ones stay in the log, reachable by seeking).
    explicit LogModel(PictureManager &manager, int keep = 20000, QObject *parent = nullptr);
    /// A fixed list of entries, such as a search's results: no live updates.
    explicit LogModel(std::vector<Entry> entries, QObject *parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    [[nodiscard]] const Entry *entryAt(int row) const;

    /// A one-line human summary of an entry.
    [[nodiscard]] static QString summary(const Entry &entry);
    /// The same, its units and hospitals named as `picture` names them ("VSAV Louvain 1" for
    /// "emsi:VSAV-LOUV-1"); summary() when `picture` is null.
    [[nodiscard]] static QString summaryIn(const Entry &entry, const Picture *picture);
    /// An exercise's clock moves, stimuli and checks in the trainer's words.
    [[nodiscard]] static QString exerciseSummary(const Entry &entry);
    /// Who wrote an entry, as a reader can name them: a pseudonymised sender ("[email:8ef4…]") is said by its
    /// feed ("flux CAP"); the raw author stays in the tooltip.
    [[nodiscard]] static QString sender(const Entry &entry);
    /// A feed's incident ("cap:2.49…") worded by its feed, sender and title: "Alerte CAP de kmi-irm : …".
    [[nodiscard]] static QString resourceMessageSummary(const QJsonObject &data);
    [[nodiscard]] static QString feedIncidentSummary(const Entry &entry);
    /// Fusion's decisions and a desk's corrections of them, worded from their numbers.
    [[nodiscard]] static QString fusionSummary(const Entry &entry);
    /// A `conflict` entry: what had been done already, by whom and when, and which entry took no effect
    /// ("votre …" when this desk wrote it).
    [[nodiscard]] static QString conflictSummary(const Entry &entry);
    /// The background of a conflict's row, the same on every screen (wall screens included).
    [[nodiscard]] static QColor conflictBackground();

    /// While the console replays (PictureManager::replaying): shows `entries` (the picture's latest, in seq
    /// order) in place of the live log, changing only the rows that differ (a frame moves the window
    /// forward by a few rows). The live rows are kept aside meanwhile, with the entries that arrive, and
    /// come back when the replay ends (no read of the log then).
    void showReplay(const std::vector<Entry> &entries);

    /// Whether `row` is one of this desk's pending entries (written, not yet in the shared room's log).
    [[nodiscard]] bool isPending(int row) const { return row >= int(m_entries.size()); }

private:
    /// Reads the last m_keep entries the picture folded, and its pending ones.
    void fill(const PictureManager &manager);
    /// fill() into the rows kept aside for the end of a replay.
    void fillLive(const PictureManager &manager);
    void append(const std::vector<Entry> &entries);
    void setPending(const std::vector<Entry> &pending);
    std::vector<Entry> m_entries;
    std::vector<Entry> m_pending; ///< shown after the log, marked pending
    int m_keep;
    const PictureManager *m_manager = nullptr; ///< names the units and hospitals of the rows; none for a list
    bool m_replaying = false;
    std::vector<Entry> m_live; ///< the live rows, kept aside while replaying
};

} // namespace vigie::ui
