#pragma once
// The Suggestions dock: who could go where, with ETA, alternatives and coverage impact, computed off the GUI
// thread from the current picture. Each proposal is recorded in the log as `suggestion` entries; a liaison
// accepts or rejects each one (both are entries too). Nothing is ever sent without that decision.
#include "allocation/suggestion.h"
#include "log/entry.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QGroupBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace vigie {
class PictureManager;
}

namespace vigie::ui {

/// What the map draws for one suggestion: the road route when a network is loaded, else the straight line.
struct SuggestedRoute
{
    QString unit, incident, agency;
    std::vector<GeoPoint> polyline;
    bool byRoad = false;
    bool decided = false; ///< accepted or rejected: drawn faded
};

class SuggestionsPanel : public QWidget
{
    Q_OBJECT
public:
    struct Context
    {
        const routing::RoadGraph *graph = nullptr; ///< null: straight-line estimates, said on screen
        std::vector<allocation::Sector> sectors;
        allocation::NeedsTable needs;
        allocation::SuggestOptions options;
    };

    SuggestionsPanel(PictureManager &manager, Context context, QWidget *parent = nullptr);
    ~SuggestionsPanel() override;

    /// Computes suggestions for the current picture in a worker thread; `proposalFinished` follows.
    void propose();
    [[nodiscard]] bool busy() const;
    /// Accepts or rejects the suggestion shown on `row` (top-level item). Returns false with a message in
    /// the status line when the log refuses.
    bool accept(int row);
    bool reject(int row, const QString &reason);

    [[nodiscard]] QTreeWidget *tree() const { return m_tree; }
    /// The backlog: the needs that wait, ranked (shown only when something waits).
    [[nodiscard]] QTreeWidget *backlogTree() const { return m_backlogTree; }
    [[nodiscard]] const allocation::SuggestionSet &current() const { return m_set; }
    [[nodiscard]] const std::vector<SuggestedRoute> &routes() const { return m_routes; }
    [[nodiscard]] QString statusText() const;

Q_SIGNALS:
    void proposalFinished();
    void routesChanged(const std::vector<vigie::ui::SuggestedRoute> &routes);

private:
    struct Computed
    {
        allocation::SuggestionSet set;
        std::vector<SuggestedRoute> routes;
        /// The room's proposals of the last hours, as the log holds them (this desk's before a restart,
        /// another desk's): one made again and still undecided keeps its entry.
        std::vector<Entry> earlier;
    };
    void onComputed();
    /// The proposals as stored (or why not): the list is shown and can be decided.
    void onRecorded(const Result<std::vector<Entry>> &stored);
    /// Stores a decision on a row through the writer; the row shows it once stored.
    bool submitDecision(int row, std::vector<Entry> drafts, const QString &state, const QString &refusedText);
    void fill();
    /// Proposals arrived: below the map, the dock takes half the window's width (see the definition).
    void makeRoom();
    /// The "En attente" section: what waits, when a unit should free up, which reinforcement helps most.
    void fillBacklog();
    void decided(int row, const QString &state);
    /// Rows whose decision took no effect (an earlier entry did the same: Picture::conflicts) say so.
    void showConflicts();
    void updateButtons();
    int currentRow() const;

    PictureManager &m_manager;
    Context m_context;
    QFutureWatcher<Computed> m_watcher;
    bool m_busy = false; ///< from propose() until its result is shown, not only while the worker runs
    allocation::SuggestionSet m_set;
    std::vector<Entry> m_recorded; ///< the `suggestion` entries, per item, as stored
    /// Per item of the proposal being recorded: the entry of the same proposal still undecided from the
    /// previous one (same unit, incident and need), which is not recorded again.
    std::vector<std::optional<Entry>> m_standing;
    std::vector<QString> m_state;   ///< per item: empty, "pending", "accepted", "rejected" or "conflict"
    std::vector<QUuid> m_decisions; ///< per item: the decision's entry once stored
    std::vector<SuggestedRoute> m_routes;
    quint64 m_generation = 0; ///< counts proposals: a decision stored after a new proposal is not shown on it
    QLabel *m_method = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_messages = nullptr;
    QPushButton *m_propose = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_reject = nullptr;
    QTreeWidget *m_tree = nullptr;
    QGroupBox *m_backlogBox = nullptr;
    QTreeWidget *m_backlogTree = nullptr;
    QLabel *m_reinforcement = nullptr;
};

} // namespace vigie::ui

Q_DECLARE_METATYPE(std::vector<vigie::ui::SuggestedRoute>)
