#include "performancepage.h"

#include "charttheme.h"
#include "overheaddialog.h"
#include "overheadreportview.h"

#include <models/profilesecrets.h>
#include <models/resultscontroller.h>
#include <models/runcontroller.h>
#include <perf/specsecrets.h>

#include <QFileDialog>

#include <QButtonGroup>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace Meshdeck {

using namespace Perf;

namespace {

QString seconds(double s)
{
    const int total = static_cast<int>(std::round(s));
    return total >= 60
        ? QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'))
        : QStringLiteral("%1 s").arg(total);
}

} // namespace

PerformancePage::PerformancePage(RunController *runs, QWidget *parent)
    : QWidget(parent)
    , m_runs(runs)
    , m_redraw(new QTimer(this))
{
    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(split);

    // Profiles.
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(12, 12, 6, 12);
    m_profilesTitle = new QLabel(left);
    QFont bold = m_profilesTitle->font();
    bold.setBold(true);
    m_profilesTitle->setFont(bold);
    m_profiles = new QListWidget(left);
    m_newProfile = new QPushButton(left);
    m_deleteProfile = new QPushButton(left);
    auto *profileButtons = new QHBoxLayout;
    profileButtons->addWidget(m_newProfile);
    profileButtons->addWidget(m_deleteProfile);
    leftLayout->addWidget(m_profilesTitle);
    leftLayout->addWidget(m_profiles, 1);
    leftLayout->addLayout(profileButtons);

    // The form.
    auto *formHost = new QWidget(split);
    auto *formColumn = new QVBoxLayout(formHost);
    formColumn->setContentsMargins(6, 12, 6, 12);
    auto *form = new QFormLayout;
    m_form = form;
    formColumn->addLayout(form);
    formColumn->addStretch(1);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto label = [&](QLabel *&l) {
        l = new QLabel(formHost);
        return l;
    };
    m_name = new QLineEdit(formHost);
    m_url = new QComboBox(formHost);
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setEditable(true);
    m_url->setInsertPolicy(QComboBox::NoInsert);
    m_url->setMinimumContentsLength(28);
    m_method = new QComboBox(formHost);
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD")});
    auto *load = new QWidget(formHost);
    load->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *loadLayout = new QHBoxLayout(load);
    loadLayout->setContentsMargins(0, 0, 0, 0);
    m_max = new QRadioButton(load);
    m_constant = new QRadioButton(load);
    m_rate = new QSpinBox(load);
    m_rate->setObjectName(QStringLiteral("rate"));
    m_rate->setRange(1, 10'000'000);
    m_rate->setValue(200);
    m_rate->setGroupSeparatorShown(true);
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_max);
    modes->addButton(m_constant);
    m_constant->setChecked(true);
    loadLayout->addWidget(m_max);
    loadLayout->addWidget(m_constant);
    loadLayout->addWidget(m_rate);
    m_connections = new QSpinBox(formHost);
    m_connections->setRange(1, 100000);
    m_connections->setValue(16);
    m_threads = new QSpinBox(formHost);
    m_threads->setRange(1, 64);
    auto *protocolRow = new QWidget(formHost);
    auto *protocolLayout = new QHBoxLayout(protocolRow);
    protocolLayout->setContentsMargins(0, 0, 0, 0);
    m_protocol = new QComboBox(protocolRow);
    m_protocol->setObjectName(QStringLiteral("protocol"));
    m_protocol->addItem(QStringLiteral("HTTP/1.1"), static_cast<int>(LoadSpec::Protocol::Http1));
    m_protocol->addItem(QStringLiteral("HTTP/2"), static_cast<int>(LoadSpec::Protocol::Http2));
    m_protocol->addItem(QStringLiteral("gRPC"), static_cast<int>(LoadSpec::Protocol::Grpc));
    m_grpcMethod = new QLineEdit(formHost);
    m_grpcMethod->setObjectName(QStringLiteral("grpcMethod"));
    m_grpcMethod->setPlaceholderText(QStringLiteral("grpc.health.v1.Health/Check"));
    m_streams = new QSpinBox(protocolRow);
    m_streams->setObjectName(QStringLiteral("streams"));
    m_streams->setRange(1, 1000);
    m_streams->setValue(10);
    protocolLayout->addWidget(m_protocol);
    protocolLayout->addWidget(m_streams, 1);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &PerformancePage::onProtocolChanged);
    const auto secondsBox = [&](double value, double max) {
        auto *box = new QDoubleSpinBox(formHost);
        box->setRange(0, max);
        box->setDecimals(1);
        box->setValue(value);
        return box;
    };
    m_duration = secondsBox(30, 24 * 3600);
    m_duration->setMinimum(0.5);
    m_warmup = secondsBox(2, 3600);
    m_timeout = secondsBox(10, 600);
    m_timeout->setMinimum(0.1);
    m_generator = new QComboBox(formHost);
    for (const Generator g : {Generator::Native, Generator::Wrk, Generator::Fortio})
        m_generator->addItem(generatorName(g), static_cast<int>(g));
    m_labels = new QLineEdit(formHost);
    m_headers = new QPlainTextEdit(formHost);
    m_headers->setTabChangesFocus(true);
    m_headers->setFixedHeight(m_headers->fontMetrics().lineSpacing() * 3 + 12);
    m_body = new QPlainTextEdit(formHost);
    m_body->setTabChangesFocus(true);
    m_body->setFixedHeight(m_body->fontMetrics().lineSpacing() * 3 + 12);
    form->addRow(label(m_nameLabel), m_name);
    form->addRow(label(m_urlLabel), m_url);
    form->addRow(label(m_methodLabel), m_method);
    form->addRow(label(m_loadLabel), load);
    form->addRow(label(m_connectionsLabel), m_connections);
    form->addRow(label(m_threadsLabel), m_threads);
    form->addRow(label(m_protocolLabel), protocolRow);
    form->addRow(label(m_grpcMethodLabel), m_grpcMethod);
    form->addRow(label(m_durationLabel), m_duration);
    form->addRow(label(m_warmupLabel), m_warmup);
    form->addRow(label(m_timeoutLabel), m_timeout);
    form->addRow(label(m_generatorLabel), m_generator);
    m_loadFrom = new QComboBox(formHost);
    m_loadFrom->setObjectName(QStringLiteral("loadFrom"));
    m_loadFrom->addItems({QString(), QString()}); // texts in retranslate()
    m_loadFrom->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_clusterOptions = new QWidget(formHost);
    auto *clusterLayout = new QHBoxLayout(m_clusterOptions);
    clusterLayout->setContentsMargins(0, 0, 0, 0);
    m_workers = new QSpinBox(m_clusterOptions);
    m_workers->setObjectName(QStringLiteral("workerCount"));
    m_workers->setRange(1, 1000);
    m_workerNamespace = new QLineEdit(m_clusterOptions);
    m_inMesh = new QCheckBox(m_clusterOptions);
    clusterLayout->addWidget(m_workers);
    clusterLayout->addWidget(m_workerNamespace, 1);
    clusterLayout->addWidget(m_inMesh);
    m_clusterOptions->setVisible(false);
    form->addRow(label(m_fromLabel), m_loadFrom);
    form->addRow(QString(), m_clusterOptions);
    m_fromLabel->setBuddy(m_loadFrom);
    form->addRow(label(m_labelsLabel), m_labels);
    form->addRow(label(m_headersLabel), m_headers);
    form->addRow(label(m_bodyLabel), m_body);
    m_nameLabel->setBuddy(m_name);
    m_urlLabel->setBuddy(m_url);
    m_methodLabel->setBuddy(m_method);
    m_loadLabel->setBuddy(m_max);
    m_connectionsLabel->setBuddy(m_connections);
    m_threadsLabel->setBuddy(m_threads);
    m_protocolLabel->setBuddy(m_protocol);
    m_grpcMethodLabel->setBuddy(m_grpcMethod);
    m_durationLabel->setBuddy(m_duration);
    m_warmupLabel->setBuddy(m_warmup);
    m_timeoutLabel->setBuddy(m_timeout);
    m_generatorLabel->setBuddy(m_generator);
    m_labelsLabel->setBuddy(m_labels);
    m_headersLabel->setBuddy(m_headers);
    m_bodyLabel->setBuddy(m_body);
    auto *buttons = new QHBoxLayout;
    m_save = new QPushButton(formHost);
    m_save->setObjectName(QStringLiteral("saveProfile"));
    m_run = new QPushButton(formHost);
    m_run->setDefault(true);
    m_cancel = new QPushButton(formHost);
    m_overheadButton = new QPushButton(formHost);
    m_overheadButton->setObjectName(QStringLiteral("measureOverhead"));
    m_overheadButton->setVisible(false);
    buttons->addWidget(m_save);
    buttons->addWidget(m_overheadButton);
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_run);
    form->addRow(buttons);

    // The live view.
    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 12, 12, 12);
    m_status = new QLabel(right);
    m_status->setWordWrap(true);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Room for three lines from the start: the result's summary does not push the charts down.
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 3 + 4);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(right);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    m_live = new QLabel(right);
    m_live->setTextFormat(Qt::PlainText);
    m_rateView = ChartTheme::liveChart(right, &m_rateX, &m_rateY);
    m_latencyView = ChartTheme::liveChart(right, &m_latencyX, &m_latencyY);
    m_rateSeries = ChartTheme::addSeries(m_rateView, m_rateX, m_rateY, QColor(0x1f, 0x77, 0xb4));
    m_p50Series
        = ChartTheme::addSeries(m_latencyView, m_latencyX, m_latencyY, QColor(0x2c, 0xa0, 0x2c));
    m_p99Series
        = ChartTheme::addSeries(m_latencyView, m_latencyX, m_latencyY, QColor(0xd6, 0x27, 0x28));
    m_openResults = new QPushButton(right);
    m_saveAs = new QPushButton(right);
    m_saveAs->hide();
    rightLayout->addWidget(m_status);
    rightLayout->addWidget(m_progress);
    rightLayout->addWidget(m_live);
    m_workersView = new QTreeWidget(right);
    m_workersView->setObjectName(QStringLiteral("workers"));
    m_workersView->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_workersView->setRootIsDecorated(false);
    m_workersView->setColumnCount(4);
    m_workersView->setMaximumHeight(m_workersView->fontMetrics().lineSpacing() * 7);
    m_workersView->hide();
    rightLayout->addWidget(m_workersView);
    rightLayout->addWidget(m_rateView, 1);
    rightLayout->addWidget(m_latencyView, 1);
    auto *resultButtons = new QHBoxLayout;
    resultButtons->addStretch();
    resultButtons->addWidget(m_saveAs);
    resultButtons->addWidget(m_openResults);
    rightLayout->addLayout(resultButtons);

    split->addWidget(left);
    split->addWidget(formHost);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 3);
    split->setChildrenCollapsible(false);

    m_redraw->setInterval(250);
    connect(m_redraw, &QTimer::timeout, this, &PerformancePage::redraw);
    connect(m_runs, &RunController::progressed, this, &PerformancePage::onProgress);
    connect(m_runs, &RunController::finished, this, &PerformancePage::onFinished);
    connect(m_runs, &RunController::runningChanged, this, &PerformancePage::setRunning);
    connect(m_runs, &RunController::clusterProgressed, this,
            [this](const InCluster::InClusterProgress &progress) {
                // Shown by the redraw timer with the charts.
                m_workerRows.clear();
                const QLocale locale;
                for (const auto &w : progress.workers)
                    m_workerRows << QStringList {w.pod.isEmpty() ? tr("worker %1").arg(w.index)
                                                                 : w.pod,
                                                 w.node, w.state, locale.toString(w.rate, 'f', 0)};
                m_workersDirty = true;
                if (!progress.phase.isEmpty())
                    m_status->setText(progress.phase);
            });
    connect(m_loadFrom, &QComboBox::currentIndexChanged, this, &PerformancePage::onLoadFromChanged);
    connect(m_run, &QPushButton::clicked, this, &PerformancePage::startRun);
    connect(m_cancel, &QPushButton::clicked, m_runs, &RunController::cancel);
    connect(m_openResults, &QPushButton::clicked, this, &PerformancePage::resultsRequested);
    // A suggestion's text names the target ("URL — demo Bookinfo productpage"); choosing it
    // puts the URL alone in the box.
    connect(m_url, &QComboBox::activated, this, [this](int index) {
        if (const QString url = m_url->itemData(index).toString(); !url.isEmpty())
            m_url->setEditText(url);
    });
    connect(m_saveAs, &QPushButton::clicked, this, [this] {
        // The run is still in memory when the database could not take it: save it elsewhere.
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Result As"), m_runs->lastResult().id.left(8) + QStringLiteral(".pb"),
            tr("Meshdeck result file (*.pb)"));
        if (path.isEmpty())
            return;
        if (m_results)
            m_results->saveResultFile(path, m_runs->lastResult());
    });
    connect(m_constant, &QRadioButton::toggled, m_rate, &QWidget::setEnabled);
    auto *runShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this);
    connect(runShortcut, &QShortcut::activated, this, &PerformancePage::startRun);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (!m_results || !m_results->writable())
            return;
        const LoadProfile p = profileFromForm();
        if (p.name.trimmed().isEmpty()) {
            m_name->setFocus();
            m_status->setText(tr("Give the profile a name to save it."));
            return;
        }
        m_selectProfile = p.name;
        m_results->saveProfile(p);
    });
    connect(m_newProfile, &QPushButton::clicked, this, [this] {
        LoadProfile p;
        p.name = tr("New profile");
        p.spec.url = m_url->count() ? m_url->itemData(0).toString().toStdString() : std::string();
        p.spec.mode = LoadSpec::Mode::ConstantRate;
        p.spec.rate = 200;
        p.spec.connections = 16;
        p.spec.duration = std::chrono::seconds(30);
        p.spec.warmup = std::chrono::seconds(2);
        loadProfile(p);
        m_name->setFocus();
        m_name->selectAll();
    });
    connect(m_deleteProfile, &QPushButton::clicked, this, [this] {
        if (!m_results || !m_results->writable() || !m_profiles->currentItem())
            return;
        m_results->deleteProfile(m_profiles->currentItem()->text());
    });
    connect(m_profiles, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || !m_results)
            return;
        const QList<LoadProfile> &all = m_results->profiles();
        if (row >= all.size())
            return;
        loadProfile(all.at(row));
        // Its secret values are in the keyring: the form gets them when they are read.
        if (ProfileSecrets::stillRedacted(all.at(row).spec))
            m_results->restoreProfileSecrets(all.at(row));
    });
    retranslate();
    onProtocolChanged();
    setRunning(false);
    refreshProfiles();
    // Sized once the labels have their (translated) text: the form is never clipped.
    split->setSizes({170, formHost->sizeHint().width(), 700});
}

void PerformancePage::setResultsController(ResultsController *results)
{
    if (m_results)
        disconnect(m_results, nullptr, this, nullptr);
    m_results = results;
    if (results) {
        connect(results, &ResultsController::profilesChanged, this,
                &PerformancePage::refreshProfiles);
        connect(results, &ResultsController::storeChanged, this, &PerformancePage::refreshProfiles);
        connect(results, &ResultsController::profileProblem, m_status, &QLabel::setText);
        connect(results, &ResultsController::profileSecretsRestored, this,
                [this](const LoadProfile &p) {
                    if (m_profiles->currentItem() && m_profiles->currentItem()->text() == p.name)
                        loadProfile(p);
                });
        connect(results, &ResultsController::fileWorkFinished, this,
                [this](const QString &title, const QString &problem, const QString &path) {
                    if (title != tr("Save Result As"))
                        return;
                    m_status->setText(problem.isEmpty() ? tr("Saved to %1.").arg(path) : problem);
                });
    }
    refreshProfiles();
}

void PerformancePage::setSuggestedTargets(const QList<QPair<QString, QString>> &targets)
{
    const QString current = m_url->currentText();
    m_url->clear();
    for (const auto &[label, url] : targets)
        m_url->addItem(QStringLiteral("%1 — %2").arg(url, label), url);
    m_url->setEditText(current.isEmpty() && !targets.isEmpty() ? targets.first().second : current);
}

void PerformancePage::setOverheadController(OverheadController *controller)
{
    m_overhead = controller;
    m_overheadButton->setVisible(controller != nullptr);
    disconnect(m_overheadButton, nullptr, this, nullptr);
    connect(m_overheadButton, &QPushButton::clicked, this, [this] { openOverheadDialog(); });
}

OverheadDialog *PerformancePage::openOverheadDialog()
{
    if (!m_overhead)
        return nullptr;
    if (!m_overheadDialog)
        m_overheadDialog = new OverheadDialog(m_overhead, this);
    m_overheadDialog->reportView()->setFileWriter(m_results);
    QList<QPair<QString, QString>> targets;
    for (int i = 0; i < m_url->count(); ++i) {
        const QString url = m_url->itemData(i).toString();
        targets << qMakePair(m_url->itemText(i).section(QStringLiteral(" — "), 1), url);
    }
    if (targets.isEmpty() && !m_url->currentText().isEmpty())
        targets << qMakePair(QString(), m_url->currentText());
    m_overheadDialog->setTargets(targets);
    m_overheadDialog->show();
    m_overheadDialog->raise();
    m_overheadDialog->activateWindow();
    return m_overheadDialog;
}

void PerformancePage::setEnvironmentProvider(std::function<RunEnvironment()> provider)
{
    m_environment = std::move(provider);
}

void PerformancePage::refreshProfiles()
{
    const QSignalBlocker block(m_profiles);
    m_profiles->clear();
    const bool writable = m_results && m_results->writable();
    if (m_results)
        for (const LoadProfile &p : m_results->profiles()) {
            m_profiles->addItem(p.name);
            if (p.name == m_selectProfile)
                m_profiles->setCurrentRow(m_profiles->count() - 1);
        }
    m_deleteProfile->setEnabled(writable && m_profiles->count() > 0);
    m_save->setEnabled(writable);
}

void PerformancePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange) {
        ChartTheme::apply(m_rateView->chart(), palette());
        ChartTheme::apply(m_latencyView->chart(), palette());
    }
    QWidget::changeEvent(event);
}

void PerformancePage::retranslate()
{
    m_profilesTitle->setText(tr("Profiles"));
    m_newProfile->setText(tr("&New"));
    m_deleteProfile->setText(tr("Delete"));
    m_nameLabel->setText(tr("&Name:"));
    m_name->setToolTip(tr("A run with a name is kept as that profile (listed on the left, shown "
                          "in Results' Profile column); without one it is named by its URL."));
    m_urlLabel->setText(tr("&Target URL:"));
    m_methodLabel->setText(tr("&Method:"));
    m_loadLabel->setText(tr("&Load:"));
    m_max->setText(tr("As fast as possible"));
    m_constant->setText(tr("Constant rate"));
    m_rate->setSuffix(tr(" req/s"));
    m_connectionsLabel->setText(tr("&Connections:"));
    m_threadsLabel->setText(tr("T&hreads:"));
    m_durationLabel->setText(tr("&Duration:"));
    m_warmupLabel->setText(tr("&Warm-up:"));
    m_timeoutLabel->setText(tr("Request time&out:"));
    for (QDoubleSpinBox *b : {m_duration, m_warmup, m_timeout})
        b->setSuffix(tr(" s"));
    m_protocolLabel->setText(tr("&Protocol:"));
    m_grpcMethodLabel->setText(tr("gRPC c&all:"));
    m_grpcMethod->setToolTip(tr("package.Service/Method; the body is the request message as JSON. "
                                "grpc.health.v1 and the demo's Bookinfo services are known; "
                                "other methods are called with an empty message."));
    m_streams->setSuffix(tr(" streams per connection"));
    m_streams->setToolTip(tr("HTTP/2 carries this many requests at once on each connection (h2c "
                             "for http://, negotiated for https://)"));
    m_generatorLabel->setText(tr("&Generator:"));
    m_fromLabel->setText(tr("Load &from:"));
    m_loadFrom->setItemText(0, tr("This computer"));
    m_loadFrom->setItemText(1, tr("The cluster (worker pods of a Job)"));
    m_loadFrom->setToolTip(
        tr("The cluster: Kubernetes runs Meshdeck's load generator as an "
           "Indexed Job inside the cluster, so the requests take the east-west "
           "path through the sidecars; the workers' results are merged exactly."));
    m_workers->setSuffix(tr(" workers"));
    m_workerNamespace->setPlaceholderText(QStringLiteral("meshdeck-load"));
    m_workerNamespace->setToolTip(tr("The workers' namespace; created (and removed afterwards) "
                                     "when missing."));
    m_inMesh->setText(tr("Inside the mesh"));
    m_inMesh->setToolTip(tr("Inject the workers' namespace, so that their own sidecar is on the "
                            "path (as Istio's benchmarks measure)."));
    m_workersView->setHeaderLabels({tr("Worker pod"), tr("Node"), tr("State"), tr("req/s")});
    m_labelsLabel->setText(tr("La&bels:"));
    m_labels->setPlaceholderText(tr("mesh=istio, version=1.22"));
    m_headersLabel->setText(tr("H&eaders:"));
    m_headers->setPlaceholderText(tr("One per line, e.g. Authorization: Bearer …"));
    m_bodyLabel->setText(tr("Bod&y:"));
    m_save->setText(tr("&Save Profile"));
    m_run->setText(tr("&Run"));
    m_overheadButton->setText(tr("Measure Mesh &Overhead…"));
    m_overheadButton->setToolTip(tr("The same load without and with the mesh at several rates: "
                                    "the latency, CPU and memory the mesh adds"));
    m_run->setToolTip(tr("Start the load test (Ctrl+R)"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop now and keep what was measured"));
    m_openResults->setText(tr("Open in Results"));
    m_saveAs->setText(tr("Save Result &As…"));
    m_rateView->chart()->setTitle(tr("Requests per second"));
    m_latencyView->chart()->setTitle(tr("Latency (ms)"));
    m_rateSeries->setName(tr("requests/s"));
    m_p50Series->setName(tr("p50"));
    m_p99Series->setName(tr("p99"));
    m_rateX->setTitleText(tr("seconds"));
    m_latencyX->setTitleText(tr("seconds"));
    if (!m_runs->isRunning() && m_statusText.isEmpty())
        m_status->setText(tr("Choose a target and a load, then Run. Each run is saved and can be "
                             "compared on the Results page."));
    ChartTheme::apply(m_rateView->chart(), palette());
    ChartTheme::apply(m_latencyView->chart(), palette());
}

void PerformancePage::startRun()
{
    if (m_runs->isRunning())
        return;
    if (const QString problem = validate(); !problem.isEmpty()) {
        m_statusText = problem;
        m_status->setText(problem);
        m_url->setFocus();
        return;
    }
    // The rate the box shows is the rate that runs: text still being typed is taken, text that
    // is not a rate refuses the run instead of running at an older value.
    if (m_constant->isChecked()) {
        if (m_rate->hasAcceptableInput())
            m_rate->interpretText();
        else {
            m_statusText = tr("\"%1\" is not a rate: give whole requests per second from 1 to "
                              "10,000,000.")
                               .arg(m_rate->cleanText());
            m_status->setText(m_statusText);
            m_rate->setFocus();
            return;
        }
    }
    if (inCluster() && !m_runs->hasCluster()) {
        m_statusText = tr("No cluster is connected: connect one on the Clusters page, or load "
                          "from this computer.");
        m_status->setText(m_statusText);
        return;
    }
    const LoadProfile p = profileFromForm();
    if (ProfileSecrets::stillRedacted(p.spec)) {
        m_statusText = tr("A header, the URL or the body still reads \"%1\": that secret value "
                          "was not read from the keyring. Type it again, then start.")
                           .arg(QLatin1String(SpecSecrets::Mask));
        m_status->setText(m_statusText);
        return;
    }
    // A named run is a run of that profile: it is kept (or updated) in the Profiles list, so
    // that the list and the Results page's Profile column agree.
    if (!p.name.isEmpty() && m_results && m_results->writable()) {
        m_selectProfile = p.name;
        m_results->saveProfile(p);
    }
    RunRequest request;
    request.name = p.name.isEmpty() ? QString::fromStdString(p.spec.url) : p.name;
    request.spec = p.spec;
    if (p.spec.protocol == LoadSpec::Protocol::Grpc) {
        const auto message = RunController::grpcMessage(p.spec.grpcMethod, p.spec.body);
        if (!message) {
            m_statusText = message.error().message();
            m_status->setText(m_statusText);
            m_body->setFocus();
            return;
        }
        request.spec.body = *message;
    }
    request.generator = p.generator;
    request.labels = p.labels;
    request.mesh.type = p.labels.value(QStringLiteral("mesh"));
    request.mesh.version = p.labels.value(QStringLiteral("version"));
    if (m_environment)
        request.environment = m_environment();
    m_ratePoints.clear();
    m_p50Points.clear();
    m_p99Points.clear();
    m_lastProgress = {};
    m_live->show();
    m_dirty = true;
    redraw();
    m_statusText = tr("Running %1 against %2…")
                       .arg(generatorName(p.generator), QString::fromStdString(p.spec.url));
    m_status->setText(m_statusText);
    std::optional<InCluster::InClusterOptions> cluster;
    if (inCluster()) {
        InCluster::InClusterOptions options;
        options.workers = m_workers->value();
        options.ns = m_workerNamespace->text().trimmed();
        options.inMesh = m_inMesh->isChecked();
        cluster = options;
        m_statusText = tr("Starting %n worker pod(s) in the cluster…", nullptr, options.workers);
        m_status->setText(m_statusText);
    }
    m_workerRows.clear();
    m_workersView->clear();
    m_workersView->setVisible(cluster.has_value());
    m_runs->start(request, p.name, cluster);
}

bool PerformancePage::inCluster() const
{
    return m_loadFrom->currentIndex() == 1;
}

void PerformancePage::onLoadFromChanged()
{
    const bool cluster = inCluster();
    m_clusterOptions->setVisible(cluster);
    updateGeneratorChoice();
    if (!cluster)
        return;
    if (!m_runs->hasCluster()) {
        m_status->setText(tr("No cluster is connected: connect one on the Clusters page."));
        return;
    }
    // Offer the cluster's Services, as the workers inside it reach them.
    const QString current = m_url->currentText();
    const QList<QPair<QString, QString>> targets = m_runs->clusterTargets();
    for (const auto &[label, url] : targets) {
        if (m_url->findData(url) >= 0)
            continue;
        m_url->addItem(url, url);
        m_url->setItemData(m_url->count() - 1, label, Qt::ToolTipRole);
    }
    m_url->setEditText(current);
    m_status->setText(tr("%n Service port(s) of the cluster are offered in the target box.",
                         nullptr, int(targets.size())));
}

void PerformancePage::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_progress->setVisible(running || m_progress->value() > 0);
    m_openResults->setVisible(!running && m_lastSaved);
    if (running)
        m_redraw->start();
    else
        m_redraw->stop();
}

void PerformancePage::onProgress(const RunProgress &progress)
{
    m_lastProgress = progress;
    for (const SecondPoint &p : progress.newPoints) {
        const double x = static_cast<double>(p.second) + 1;
        m_ratePoints.append({x, static_cast<double>(p.requests)});
        m_p50Points.append({x, static_cast<double>(p.p50Ns) / 1e6});
        m_p99Points.append({x, static_cast<double>(p.p99Ns) / 1e6});
    }
    m_dirty = true; // drawn by the timer, a few times a second
}

void PerformancePage::redraw()
{
    const RunProgress &p = m_lastProgress;
    const double total = std::max(0.001, p.durationSeconds);
    m_progress->setValue(static_cast<int>(std::clamp(p.elapsedSeconds / total, 0.0, 1.0) * 1000));
    m_progress->setFormat(p.warmingUp ? tr("warming up…")
                                      : tr("%1 of %2, %3 left")
                                            .arg(seconds(p.elapsedSeconds), seconds(total),
                                                 seconds(std::max(0.0, total - p.elapsedSeconds))));
    const QLocale locale;
    m_live->setText(tr("%1 req/s   p50 %2 ms   p99 %3 ms   errors %4")
                        .arg(locale.toString(p.rate, 'f', 0), locale.toString(p.p50Ms, 'f', 2),
                             locale.toString(p.p99Ms, 'f', 2), locale.toString(p.errors)));
    if (m_workersDirty) {
        m_workersDirty = false;
        // A handful of rows, redrawn whole a few times a second at most.
        while (m_workersView->topLevelItemCount() > m_workerRows.size())
            delete m_workersView->takeTopLevelItem(m_workersView->topLevelItemCount() - 1);
        for (int i = 0; i < m_workerRows.size(); ++i) {
            QTreeWidgetItem *item = m_workersView->topLevelItem(i);
            if (!item)
                item = new QTreeWidgetItem(m_workersView);
            for (int c = 0; c < m_workerRows[i].size(); ++c)
                item->setText(c, m_workerRows[i][c]);
        }
    }
    if (!m_dirty)
        return;
    m_dirty = false;
    // The seconds measured so far, and the second under way as it stands now: the charts
    // move from the first progress, as the figures above them do.
    const bool partial = m_runs->isRunning() && !p.warmingUp && p.responses > 0
        && p.elapsedSeconds > (m_ratePoints.isEmpty() ? 0.0 : m_ratePoints.last().x() + 0.05);
    const auto withNow = [&](QList<QPointF> points, double y) {
        if (partial)
            points.append({p.elapsedSeconds, y});
        return points;
    };
    m_rateSeries->replace(withNow(m_ratePoints, p.rate));
    m_p50Series->replace(withNow(m_p50Points, p.p50Ms));
    m_p99Series->replace(withNow(m_p99Points, p.p99Ms));
    const double maxX
        = std::max(10.0, std::max(total, m_ratePoints.isEmpty() ? 0.0 : m_ratePoints.last().x()));
    double maxRate = 1, maxLatency = 0.1;
    for (const QPointF &q : m_ratePoints)
        maxRate = std::max(maxRate, q.y());
    for (const QPointF &q : m_p99Points)
        maxLatency = std::max(maxLatency, q.y());
    if (partial) {
        maxRate = std::max(maxRate, p.rate);
        maxLatency = std::max(maxLatency, p.p99Ms);
    }
    m_rateX->setRange(0, maxX);
    m_latencyX->setRange(0, maxX);
    m_rateY->setRange(0, maxRate * 1.15);
    m_latencyY->setRange(0, maxLatency * 1.15);
    for (QValueAxis *axis : {m_rateX, m_latencyX, m_rateY, m_latencyY})
        axis->applyNiceNumbers();
}

void PerformancePage::onFinished(const RunResult &result, const QString &saveError)
{
    m_dirty = true;
    redraw();
    const QLocale locale;
    const LoadReport &r = result.report;
    QString text;
    // The live figures belong to a run that measured something; a run that reached nothing
    // shows only why.
    const bool nothingAnswered = !result.failure.isEmpty() && r.counters.responses == 0;
    m_live->setVisible(!nothingAnswered);
    if (nothingAnswered) {
        text = tr("The run failed: %1").arg(result.failure);
    } else {
        const auto pct = r.corrected.percentilesNs({50, 99, 99.9});
        text = tr("%1: %2 requests at %3 req/s, p50 %4 ms, p99 %5 ms, p99.9 %6 ms, %7 % errors.")
                   .arg(r.cancelled ? tr("Cancelled, partial result kept") : tr("Done"),
                        locale.toString(static_cast<qulonglong>(r.counters.responses)),
                        locale.toString(r.achievedRate, 'f', 1),
                        locale.toString(static_cast<double>(pct[0]) / 1e6, 'f', 2),
                        locale.toString(static_cast<double>(pct[1]) / 1e6, 'f', 2),
                        locale.toString(static_cast<double>(pct[2]) / 1e6, 'f', 2),
                        locale.toString(r.errorShare() * 100, 'f', 2));
        if (!result.failure.isEmpty())
            text += QLatin1Char(' ') + result.failure;
        if (r.requestedRate > 0 && r.achievedRate < 0.99 * r.requestedRate)
            text += QLatin1Char(' ')
                + tr("The requested rate of %1/s was not reached: the target or the connections "
                     "could not keep up.")
                      .arg(locale.toString(r.requestedRate, 'f', 0));
        if (!saveError.isEmpty())
            text += QLatin1Char(' ') + tr("It could not be saved: %1").arg(saveError);
        m_saveAs->setVisible(!saveError.isEmpty());
    }
    m_statusText = text;
    m_status->setText(text);
    // Only a run that is in Results can be opened there.
    m_lastSaved = saveError.isEmpty() && !nothingAnswered;
    m_openResults->setVisible(m_lastSaved && !m_runs->isRunning());
}

} // namespace Meshdeck
