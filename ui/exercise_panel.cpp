#include "ui/exercise_panel.h"

#include "ui/labels.h"
#include "ui/report_wording.h"

#include "reports/report_words.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTimeEdit>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace vigie::ui {

namespace {

enum Column
{
    When,
    Id,
    FromTo,
    Channel,
    Summary,
    State,
    ColumnCount
};

// The words the after-action report uses too (reports/report_words.h), on the console's wording.
QString channelLabel(const QString &channel)
{
    return reports::channelText(channel);
}

QString recipientLabel(const QString &to)
{
    static const reports::ReportWording wording = consoleReportWording();
    return reports::recipientText(wording, to);
}

// Okabe–Ito hues, light enough under black text for a wall screen.
QColor stateColour(exercise::ActionState s)
{
    switch (s) {
    case exercise::ActionState::Done:
        return QColor(0x00, 0x9E, 0x73, 70);
    case exercise::ActionState::Late:
        return QColor(0xE6, 0x9F, 0x00, 110);
    case exercise::ActionState::Missed:
        return QColor(0xD5, 0x5E, 0x00, 130);
    case exercise::ActionState::Waiting:
    case exercise::ActionState::Pending:
        break;
    }
    return {};
}

} // namespace

ExercisePanel::ExercisePanel(exercise::ExerciseRunner &runner, QWidget *parent)
    : QWidget(parent), m_runner(runner)
{
    setObjectName(QStringLiteral("ExercisePanel"));
    auto *layout = new QVBoxLayout(this);

    // The console's word, then the scenario's own (its title and objectives are the trainer's data, in the
    // language the scenario was written in).
    auto *heading = new QHBoxLayout;
    auto *mark = new QLabel(QStringLiteral("<b>%1</b>").arg(tr("EXERCICE")), this);
    mark->setToolTip(tr("Survolez le titre pour lire les objectifs de l'exercice"));
    heading->addWidget(mark);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("ExerciseScenario"));
    m_title->setWordWrap(true);
    m_title->setText(runner.scenario().title);
    QStringList objectives;
    for (const exercise::Objective &o : runner.scenario().objectives)
        objectives << QStringLiteral("%1 — %2").arg(o.id, o.text);
    m_title->setToolTip(objectives.join(u'\n'));
    heading->addWidget(m_title, 1);
    layout->addLayout(heading);

    // Nothing here may set the panel's minimum width: on a laptop the docks share one column beside the map
    // (ui/screen_layout.h), and that column stays under half the window. The clock and the counts wrap; the
    // controls are a tool bar, whose buttons that do not fit go behind its » button (F8 and Ctrl+Maj+M still
    // reach them).
    auto *controls = m_controls = new QHBoxLayout;
    m_clock = new QLabel(this);
    m_clock->setObjectName(QStringLiteral("ExerciseClock"));
    m_clock->setWordWrap(true);
    QFont big = m_clock->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_clock->setFont(big);
    controls->addWidget(m_clock, 1);
    auto *bar = m_bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("ExerciseControls"));
    m_play = new QPushButton(bar);
    m_play->setObjectName(QStringLiteral("ExercisePlay"));
    m_play->setToolTip(tr("F8 — démarrer, mettre en pause ou reprendre l'horloge de l'exercice"));
    bar->addWidget(m_play);
    bar->addWidget(new QLabel(tr("Vitesse"), bar));
    m_speed = new QComboBox(bar);
    m_speed->setObjectName(QStringLiteral("ExerciseSpeed"));
    for (int s : {1, 2, 5, 10, 30, 60})
        m_speed->addItem(QStringLiteral("×%1").arg(s), s);
    bar->addWidget(m_speed);
    m_jump = new QTimeEdit(bar);
    m_jump->setDisplayFormat(QStringLiteral("HH:mm:ss"));
    m_jump->setToolTip(tr("Temps d'exercice (T+) où aller : les stimuli jusque-là sont joués aussitôt"));
    m_jumpButton = new QPushButton(tr("Aller à T+"), bar);
    bar->addWidget(m_jumpButton);
    bar->addWidget(m_jump);
    m_adHoc = new QPushButton(tr("Stimulus manuel…"), bar);
    m_adHoc->setToolTip(
        tr("Ctrl+Maj+M — un message hors scénario (appel, radio, courriel), inscrit au journal"));
    bar->addWidget(m_adHoc);
    m_finish = new QPushButton(tr("Terminer l'exercice…"), bar);
    bar->addWidget(m_finish);
    controls->addWidget(bar);
    layout->addLayout(controls);

    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("ExerciseCounts"));
    m_counts->setWordWrap(true);
    layout->addWidget(m_counts);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("ExerciseInjects"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("T+"), tr("Stimulus"), tr("De → à"), tr("Canal"), tr("Message"), tr("État")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    // The message takes the width left: it is what the trainer reads.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(Summary, QHeaderView::Stretch);
    layout->addWidget(m_tree, 1);
    for (const exercise::Inject &inject : runner.scenario().injects) {
        auto *item = new QTreeWidgetItem(m_tree);
        m_items.insert(inject.id, item);
        for (const exercise::ExpectedAction &a : inject.expect) {
            auto *child = new QTreeWidgetItem(item);
            child->setData(Id, Qt::UserRole, a.id);
        }
    }

    connect(m_play, &QPushButton::clicked, this, [this] {
        const auto &v = m_runner.view();
        if (!v.started)
            m_runner.start();
        else if (v.running)
            m_runner.pause();
        else
            m_runner.resume();
    });
    auto *playKey = new QShortcut(QKeySequence(Qt::Key_F8), this, nullptr, nullptr, Qt::WindowShortcut);
    playKey->setWhatsThis(tr("Démarrer, mettre en pause ou reprendre l'exercice"));
    connect(playKey, &QShortcut::activated, m_play, &QPushButton::click);
    connect(m_speed, &QComboBox::activated, this,
            [this](int index) { m_runner.setSpeed(m_speed->itemData(index).toInt()); });
    connect(m_jumpButton, &QPushButton::clicked, this, [this] {
        const qint64 t = qint64(m_jump->time().msecsSinceStartOfDay());
        if (t <= m_runner.elapsedMs()) {
            Q_EMIT said(tr("L'horloge d'un exercice ne revient pas en arrière : choisissez un temps après %1")
                            .arg(exercise::formatT(m_runner.elapsedMs())));
            return;
        }
        m_runner.jumpTo(t);
    });
    auto *adHocKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), this, nullptr, nullptr,
                                   Qt::WindowShortcut);
    adHocKey->setWhatsThis(tr("Jouer un stimulus manuel"));
    connect(adHocKey, &QShortcut::activated, m_adHoc, &QPushButton::click);
    connect(m_adHoc, &QPushButton::clicked, this, [this] { askAdHoc()->open(); });
    connect(m_finish, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(
                this, tr("Terminer l'exercice"),
                tr("Terminer l'exercice maintenant ? Les actions attendues non faites seront "
                   "notées manquées.")) == QMessageBox::Yes)
            m_runner.finish();
    });
    connect(&m_runner, &exercise::ExerciseRunner::changed, this, &ExercisePanel::refresh);
    connect(&m_runner, &exercise::ExerciseRunner::failed, this, &ExercisePanel::said);
    m_clockTimer = new QTimer(this);
    m_clockTimer->setInterval(500);
    connect(m_clockTimer, &QTimer::timeout, this, &ExercisePanel::updateClock);
    m_clockTimer->start();
    refresh();
}

void ExercisePanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // The clock's one line (it wraps only when even a line of its own is too narrow) beside the bar's
    // buttons: a direction change moves no width, so no resize loop follows.
    const int side = QFontMetrics(m_clock->font()).horizontalAdvance(m_clock->text()) +
                     m_bar->sizeHint().width() + m_controls->spacing() + contentsMargins().left() +
                     contentsMargins().right() + layout()->contentsMargins().left() +
                     layout()->contentsMargins().right();
    m_controls->setDirection(width() >= side ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
}

AdHocDialog *ExercisePanel::askAdHoc()
{
    auto *dialog = new AdHocDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const exercise::AdHocInject inject = dialog->inject();
        if (inject.content.trimmed().isEmpty())
            return;
        m_runner.fireAdHoc(inject);
    });
    return dialog;
}

QString ExercisePanel::clockText() const
{
    return m_clock->text();
}

QString ExercisePanel::countsText() const
{
    return m_counts->text();
}

void ExercisePanel::updateClock()
{
    const auto &v = m_runner.view();
    const qint64 t = m_runner.elapsedMs();
    const QString at =
        roomTime(m_runner.scenario().start.msecs + t).toString(QStringLiteral("dd/MM/yyyy HH:mm:ss"));
    QString state;
    if (!v.started)
        state = tr("prêt à démarrer");
    else if (v.finished)
        state = tr("terminé");
    else if (v.running)
        state = tr("en cours ×%1").arg(v.speed);
    else
        state = tr("en pause");
    m_clock->setText(QStringLiteral("%1 · %2 · %3").arg(exercise::formatT(t), at, state));
}

void ExercisePanel::fillInject(QTreeWidgetItem *item, const exercise::InjectStatus &inject)
{
    item->setText(When, inject.atMs ? exercise::formatT(*inject.atMs)
                                    : (inject.adHoc ? tr("manuel") : tr("relance")));
    item->setText(Id, inject.id);
    item->setText(FromTo, tr("%1 → %2").arg(inject.from, recipientLabel(inject.to)));
    item->setText(Channel, channelLabel(inject.channel));
    item->setText(Summary, inject.summary);
    item->setToolTip(Summary, inject.summary);
    QString state;
    switch (inject.state) {
    case exercise::InjectState::ToCome:
        state = tr("à venir");
        break;
    case exercise::InjectState::Played:
        state = tr("joué à %1").arg(exercise::formatT(inject.playedMs.value_or(0)));
        if (!inject.contingencyFor.isEmpty())
            state += tr(" (relance de %1)").arg(inject.contingencyFor);
        if (inject.quarantined > 0)
            state += tr(" · contenu refusé, en quarantaine");
        break;
    case exercise::InjectState::ContingencyUnused:
        state = tr("relance non utilisée");
        break;
    }
    item->setText(State, state);
    const QColor grey(0x66, 0x66, 0x66);
    for (int c = 0; c < ColumnCount; ++c)
        item->setForeground(c, inject.state == exercise::InjectState::Played ? QBrush() : QBrush(grey));

    // Its actions, in the scenario's order (children made at start; ad hoc injects expect nothing).
    for (const exercise::ActionStatus &a : inject.actions) {
        QTreeWidgetItem *child = nullptr;
        for (int i = 0; i < item->childCount(); ++i)
            if (item->child(i)->data(Id, Qt::UserRole).toString() == a.id)
                child = item->child(i);
        if (!child) {
            child = new QTreeWidgetItem(item);
            child->setData(Id, Qt::UserRole, a.id);
        }
        child->setText(When, a.deadlineMs ? exercise::formatT(*a.deadlineMs) : QString());
        child->setToolTip(When, tr("Échéance de l'action"));
        child->setText(Id, a.id);
        child->setText(Summary, a.text);
        child->setToolTip(Summary, a.text);
        QString s;
        switch (a.state) {
        case exercise::ActionState::Waiting:
            s = tr("attend son stimulus");
            break;
        case exercise::ActionState::Pending:
            s = tr("attendue avant %1").arg(exercise::formatT(a.deadlineMs.value_or(0)));
            break;
        case exercise::ActionState::Done:
            s = tr("faite — %1").arg(a.entrySummary);
            break;
        case exercise::ActionState::Late:
            s = tr("faite en retard — %1").arg(a.entrySummary);
            break;
        case exercise::ActionState::Missed:
            s = a.contingency.isEmpty() ? tr("manquée") : tr("manquée — relance %1").arg(a.contingency);
            break;
        }
        child->setText(State, s);
        child->setToolTip(State, s);
        const QColor colour = stateColour(a.state);
        for (int c = 0; c < ColumnCount; ++c)
            child->setBackground(c, colour.isValid() ? QBrush(colour) : QBrush());
    }
}

void ExercisePanel::refresh()
{
    const auto &v = m_runner.view();
    int played = 0, done = 0, late = 0, missed = 0, pending = 0;
    QTreeWidgetItem *next = nullptr;
    for (const exercise::InjectStatus &inject : v.injects) {
        QTreeWidgetItem *item = m_items.value(inject.id);
        if (!item) { // an ad hoc inject: at the end
            item = new QTreeWidgetItem(m_tree);
            m_items.insert(inject.id, item);
        }
        fillInject(item, inject);
        if (inject.state == exercise::InjectState::Played)
            ++played;
        else if (!next && inject.state == exercise::InjectState::ToCome)
            next = item;
        for (const exercise::ActionStatus &a : inject.actions) {
            done += a.state == exercise::ActionState::Done;
            late += a.state == exercise::ActionState::Late;
            missed += a.state == exercise::ActionState::Missed;
            pending += a.state == exercise::ActionState::Pending;
        }
    }
    // The next stimulus in bold: what the trainer watches for.
    for (QTreeWidgetItem *item : std::as_const(m_items)) {
        QFont f = item->font(Summary);
        f.setBold(item == next);
        for (int c = 0; c < ColumnCount; ++c)
            item->setFont(c, f);
    }
    m_counts->setText(
        tr("Stimuli joués : %1 sur %2 · actions attendues : %3 faites, %4 en retard, %5 manquées, "
           "%6 en cours")
            .arg(played)
            .arg(v.injects.empty() ? qsizetype(m_runner.scenario().injects.size())
                                   : qsizetype(v.injects.size()))
            .arg(done)
            .arg(late)
            .arg(missed)
            .arg(pending));
    // The style's media icons: the fonts of a bare Debian desk have no glyph for ⏸.
    m_play->setText(!v.started ? tr("Démarrer") : v.running ? tr("Pause") : tr("Reprendre"));
    m_play->setIcon(
        style()->standardIcon(v.started && v.running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    if (!m_jump->hasFocus()) // the jump field starts from where the exercise is
        m_jump->setTime(QTime(0, 0).addMSecs(int(std::min<qint64>(m_runner.elapsedMs(), 86'399'000))));
    m_play->setEnabled(!v.finished);
    m_speed->setEnabled(!v.finished);
    m_jumpButton->setEnabled(v.started && !v.finished);
    m_adHoc->setEnabled(v.started && !v.finished);
    m_finish->setEnabled(v.started && !v.finished);
    if (const int i = m_speed->findData(v.speed); i >= 0)
        m_speed->setCurrentIndex(i);
    // The message is what the trainer reads: the other columns take what they need, no more than a third.
    for (int c : {int(When), int(Id), int(FromTo), int(Channel), int(State)}) {
        m_tree->resizeColumnToContents(c);
        m_tree->setColumnWidth(c, std::min(m_tree->columnWidth(c), std::max(120, m_tree->width() / 5)));
    }
    updateClock();
}

AdHocDialog::AdHocDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Stimulus manuel"));
    auto *form = new QFormLayout(this);
    m_from = new QLineEdit(this);
    m_from->setPlaceholderText(tr("ex. PC sécurité du stade"));
    form->addRow(tr("De"), m_from);
    m_to = new QComboBox(this);
    for (const char *agency : {"all", "fire", "samu", "police", "municipal_police", "officials"})
        m_to->addItem(recipientLabel(QString::fromLatin1(agency)), QString::fromLatin1(agency));
    form->addRow(tr("À"), m_to);
    m_channel = new QComboBox(this);
    for (const char *channel : {"phone", "radio", "mail"})
        m_channel->addItem(channelLabel(QString::fromLatin1(channel)), QString::fromLatin1(channel));
    form->addRow(tr("Canal"), m_channel);
    m_text = new QPlainTextEdit(this);
    m_text->setPlaceholderText(tr("Le message, tel que l'appelant le dit"));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    form->addRow(tr("Message"), m_text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Jouer (Ctrl+Entrée)"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, this);
        connect(shortcut, &QShortcut::activated, this, &QDialog::accept);
    }
    resize(520, 320);
}

exercise::AdHocInject AdHocDialog::inject() const
{
    exercise::AdHocInject i;
    i.from = m_from->text().trimmed().isEmpty() ? tr("Animation") : m_from->text().trimmed();
    i.to = m_to->currentData().toString();
    i.channel = m_channel->currentData().toString();
    i.format = QStringLiteral("text");
    i.content = m_text->toPlainText().trimmed();
    return i;
}

void AdHocDialog::setText(const QString &from, const QString &to, const QString &text)
{
    m_from->setText(from);
    if (const int i = m_to->findData(to); i >= 0)
        m_to->setCurrentIndex(i);
    m_text->setPlainText(text);
}

} // namespace vigie::ui
