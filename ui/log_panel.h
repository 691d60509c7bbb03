#pragma once
// The main courante's dock: a filter bar (text, service, nature) above the log.
//
// The log model holds the room's latest entries (LogModel's window, 20,000 by default), never the whole log:
// a room of a million entries opens as fast as a small one. The filter narrows that window in memory, in the
// proxy, as rows arrive; it reads no file and runs no query on the GUI thread. Each entry's searchable text
// (its summary, sender, nature, service and raw identifiers, without accents) is worked out once and kept, so
// a keystroke costs a substring search per row (under 10 ms for 20,000 rows), after a short pause in typing.
// Those texts are worked out in slices of a few milliseconds while the window is idle after it opens.
// Older entries are found by "Tout le journal" (LogSearchJob): the same conditions over the whole room file,
// read on a worker thread through a connection of its own.
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QUuid>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace vigie {
struct Entry;
}

namespace vigie::ui {

class LogModel;
class LogSearchJob;
struct LogSearchResult;

/// Filters and sorts the log model's rows: every condition set must hold (empty = any).
class LogFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilter(LogModel *log, QObject *parent = nullptr);
    /// Words that must all appear in the entry (case and accents ignored).
    void setText(const QString &text);
    /// "fire", "samu", "police", "officials"; "-" for entries of no service; "" for all.
    void setAgency(const QString &agency);
    /// An entry kind ("note", "incident.open"…); "" for all.
    void setKind(const QString &kind);
    [[nodiscard]] bool isActive() const;
    /// Works out the searchable text of up to `rows` more entries; true once every loaded entry has its text.
    /// The panel calls it in slices while the window is idle, so the first search does not wait for them.
    bool prepare(int rows);
    /// What the text filter searches in an entry: lower case, accents removed.
    [[nodiscard]] static QString searchable(const Entry &entry);
    /// Folds typed text as the filter compares it: its words, lower case, without accents.
    [[nodiscard]] static QStringList foldedWords(const QString &text);
    /// Whether `entry` passes the conditions (the proxy's test, and the whole-log search's).
    [[nodiscard]] static bool accepts(const Entry &entry, const QStringList &words, const QString &agency,
                                      const QString &kind, const QString *text = nullptr);
    [[nodiscard]] const QStringList &words() const { return m_words; }
    [[nodiscard]] const QString &agency() const { return m_agency; }
    [[nodiscard]] const QString &kind() const { return m_kind; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    LogModel *m_log;
    QStringList m_words;
    QString m_agency;
    QString m_kind;
    mutable QHash<QUuid, QString> m_texts; ///< searchable text by entry id, worked out on first need
    int m_prepared = 0;                    ///< rows of the model prepare() went through
};

class LogPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LogPanel(LogModel *log, QWidget *parent = nullptr);
    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] LogFilter *filter() const { return m_filter; }
    [[nodiscard]] QLineEdit *searchField() const { return m_search; }
    [[nodiscard]] QComboBox *agencyChoice() const { return m_agency; }
    [[nodiscard]] QComboBox *kindChoice() const { return m_kind; }
    /// Puts the cursor in the search field, its text selected (Ctrl+F in the log, Ctrl+Shift+F anywhere).
    void focusSearch();
    /// Applies the typed text now rather than after the pause in typing.
    void applyText();

    /// The room file the whole-log search reads (its own connection, on a worker thread); without one (a
    /// shared room's URL) the filter covers the loaded entries only.
    void setRoomFile(const QString &path);
    /// "Tout le journal": searches the whole log with the bar's conditions, off the GUI thread, and shows
    /// the newest matches in place of the live log; pressed again, stops the search or returns to the live
    /// log. Changing a condition returns to the live log too.
    void searchWholeLog();
    /// The live log again, after a whole-log search.
    void showLive();
    [[nodiscard]] QPushButton *wholeLogButton() const { return m_wholeLog; }
    /// Whether the table shows a whole-log search's results rather than the live log.
    [[nodiscard]] bool showsResults() const { return m_results != nullptr; }

Q_SIGNALS:
    /// A whole-log search ended (its results shown, or its error said).
    void searchFinished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// The columns for the rows loaded: each fits its contents, the time a whole date-time whatever the rows.
    void fitColumns();
    /// The time column as wide as a whole date-time in the table's type ("14/07/2026 21:00:00").
    void fitTimeColumn();
    void addKinds(int first, int last);
    void updateCount();
    void conditionsChanged();
    void showResults(const LogSearchResult &result);

    LogModel *m_log;
    LogFilter *m_filter;
    QLineEdit *m_search;
    QComboBox *m_agency;
    QComboBox *m_kind;
    QLabel *m_count;
    QPushButton *m_wholeLog;
    QTableView *m_view;
    QString m_roomFile;
    LogSearchJob *m_job = nullptr;
    LogModel *m_results = nullptr;
    QSortFilterProxyModel *m_resultsProxy = nullptr;
    QTimer m_typing;
    QTimer m_preparing;
};

} // namespace vigie::ui
