#include "overheaddialog.h"

#include "overheadreportview.h"

#include <models/overheadcontroller.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace Meshdeck {

OverheadDialog::OverheadDialog(OverheadController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("overheadDialog"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const auto urlBox = [this] {
        auto *box = new QComboBox(this);
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
        box->setMinimumContentsLength(40);
        return box;
    };
    m_baseline = urlBox();
    m_mesh = urlBox();
    m_namespace = new QLineEdit(this);
    m_rates = new QLineEdit(QStringLiteral("100, 500, 1000"), this);
    m_repeat = new QSpinBox(this);
    m_repeat->setRange(1, 20);
    m_repeat->setValue(3);
    m_duration = new QDoubleSpinBox(this);
    m_duration->setRange(1, 3600);
    m_duration->setDecimals(0);
    m_duration->setValue(10);
    m_warmup = new QDoubleSpinBox(this);
    m_warmup->setRange(0, 600);
    m_warmup->setDecimals(0);
    m_warmup->setValue(2);
    m_connections = new QSpinBox(this);
    m_connections->setRange(1, 10000);
    m_connections->setValue(32);
    m_beforeAfter = new QCheckBox(this);
    m_inCluster = new QCheckBox(this);
    m_workers = new QSpinBox(this);
    m_workers->setRange(1, 100);
    m_workers->setValue(1);
    m_workers->setEnabled(false);
    m_workersLabel = new QLabel(this);
    m_baselineLabel = new QLabel(this);
    m_meshLabel = new QLabel(this);
    m_namespaceLabel = new QLabel(this);
    m_ratesLabel = new QLabel(this);
    m_repeatLabel = new QLabel(this);
    m_durationLabel = new QLabel(this);
    m_warmupLabel = new QLabel(this);
    m_connectionsLabel = new QLabel(this);
    const QList<std::pair<QLabel *, QWidget *>> rows {
        {m_baselineLabel, m_baseline},   {m_meshLabel, m_mesh},
        {m_namespaceLabel, m_namespace}, {m_ratesLabel, m_rates},
        {m_repeatLabel, m_repeat},       {m_durationLabel, m_duration},
        {m_warmupLabel, m_warmup},       {m_connectionsLabel, m_connections}};
    for (const auto &[label, field] : rows) {
        label->setBuddy(field);
        form->addRow(label, field);
    }
    form->addRow(QString(), m_beforeAfter);
    form->addRow(QString(), m_inCluster);
    connect(m_beforeAfter, &QCheckBox::toggled, this, [this](bool on) {
        m_baseline->setEnabled(!on);
        retranslate(); // the mesh field becomes the target of both arms
    });
    m_workersLabel->setBuddy(m_workers);
    form->addRow(m_workersLabel, m_workers);
    connect(m_inCluster, &QCheckBox::toggled, this, [this](bool on) {
        m_workers->setEnabled(on);
        // Workers inside the cluster reach Services by name; on the demo both arms name
        // productpage, the mesh arm's workers having their own sidecar.
        if (on && !m_serviceTarget.isEmpty()) {
            m_baseline->setCurrentText(m_serviceTarget);
            m_mesh->setCurrentText(m_serviceTarget);
        } else if (!on && !m_serviceTarget.isEmpty()
                   && m_baseline->currentText() == m_serviceTarget) {
            selectDefaultTargets(); // back to the URLs this computer reaches
        }
    });
    layout->addLayout(form);

    auto *buttons = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_start = new QPushButton(this);
    m_start->setDefault(true);
    m_cancel = new QPushButton(this);
    m_cancel->setVisible(false);
    m_close = new QPushButton(this);
    buttons->addWidget(m_progress, 1);
    buttons->addStretch();
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(1000);
    m_log->setMaximumHeight(m_log->fontMetrics().lineSpacing() * 5 + 12);
    m_log->setVisible(false);
    layout->addWidget(m_log);
    m_report = new OverheadReportView(this);
    m_report->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_report->setVisible(false);
    layout->addWidget(m_report, 1);

    connect(m_start, &QPushButton::clicked, this, &OverheadDialog::start);
    connect(m_cancel, &QPushButton::clicked, m_controller, &OverheadController::cancel);
    connect(m_close, &QPushButton::clicked, this, &OverheadDialog::reject);
    connect(m_controller, &OverheadController::progressed, this,
            [this](int run, int runs, const QString &what) {
                m_progress->setRange(0, runs);
                m_progress->setValue(run - 1);
                m_status->setText(tr("Run %1 of %2: %3…").arg(run).arg(runs).arg(what));
            });
    connect(m_controller, &OverheadController::runFinished, m_log,
            &QPlainTextEdit::appendPlainText);
    connect(m_controller, &OverheadController::finished, this,
            [this](const Overhead::OverheadReport &report, const QString &problem) {
                setRunning(false);
                m_progress->setValue(m_progress->maximum());
                m_report->setReport(report);
                m_report->setVisible(!report.rows.isEmpty());
                m_status->setText(
                    !problem.isEmpty() ? problem
                        : report.cancelled
                        ? tr("Cancelled: the report holds the rates measured with both arms. "
                             "The runs are in Results.")
                        : tr("Done. The runs are in Results, labelled with the experiment."));
                if (report.rows.size() > 0)
                    resize(std::max(width(), 1100), std::max(height(), 820));
            });
    retranslate();
    resize(760, 520);
}

void OverheadDialog::setTargets(const QList<QPair<QString, QString>> &targets)
{
    m_baseline->clear();
    m_mesh->clear();
    for (const auto &[label, url] : targets) {
        m_baseline->addItem(url, label);
        m_mesh->addItem(url, label);
        m_baseline->setItemData(m_baseline->count() - 1, label, Qt::ToolTipRole);
        m_mesh->setItemData(m_mesh->count() - 1, label, Qt::ToolTipRole);
    }
    selectDefaultTargets();
    // The demo's Bookinfo runs in namespace bookinfo.
    const bool demo = std::any_of(targets.begin(), targets.end(), [](const auto &t) {
        return t.first.contains(QLatin1String("Bookinfo"));
    });
    if (demo && m_namespace->text().isEmpty())
        m_namespace->setText(QStringLiteral("bookinfo"));
    m_serviceTarget
        = demo ? QStringLiteral("http://productpage.bookinfo:9080/productpage") : QString();
}

void OverheadDialog::selectDefaultTargets()
{
    for (int i = 0; i < m_baseline->count(); ++i) {
        const QString label = m_baseline->itemData(i).toString();
        const bool sidecars = label.contains(QLatin1String("sidecar"))
            || m_baseline->itemText(i).contains(QLatin1String("mesh"));
        (sidecars ? m_mesh : m_baseline)->setCurrentIndex(i);
    }
}

QString OverheadDialog::validate(QList<double> *rates) const
{
    for (QComboBox *box : {m_baseline, m_mesh}) {
        if (box == m_baseline && m_beforeAfter->isChecked())
            continue; // one target for both arms
        const QUrl url(box->currentText().trimmed(), QUrl::StrictMode);
        if (!url.isValid()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty())
            return tr("%1 is not an http or https URL.")
                .arg(box->currentText().isEmpty() ? tr("An empty address") : box->currentText());
    }
    if (m_beforeAfter->isChecked() && m_namespace->text().trimmed().isEmpty())
        return tr("Name the namespace whose injection is switched.");
    if (m_beforeAfter->isChecked() && !m_controller->hasCluster())
        return tr("Measuring before and after injection needs a connected cluster: connect one "
                  "on the Clusters page.");
    if (m_inCluster->isChecked() && !m_controller->hasCluster())
        return tr("Load from inside the cluster needs a connected cluster: connect one on the "
                  "Clusters page.");
    if (m_baseline->currentText().trimmed() == m_mesh->currentText().trimmed()
        && !m_inCluster->isChecked() && !m_beforeAfter->isChecked())
        return tr("The baseline and the mesh arm are the same URL: the experiment would compare "
                  "nothing.");
    for (const QString &part : m_rates->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double v = QLocale::c().toDouble(part.trimmed(), &ok);
        if (!ok || v <= 0 || v > 1e6)
            return tr("Rates are requests per second above 0, separated by commas (not "
                      "\"%1\").")
                .arg(part.trimmed());
        if (!rates->contains(v))
            rates->append(v);
    }
    if (rates->isEmpty())
        return tr("Give at least one rate, e.g. 100, 500, 1000.");
    return {};
}

void OverheadDialog::start()
{
    if (m_controller->isRunning())
        return;
    QList<double> rates;
    if (const QString why = validate(&rates); !why.isEmpty()) {
        m_status->setText(why);
        return;
    }
    Overhead::ExperimentSpec spec;
    spec.baseline = {m_baseline->currentText().trimmed(), QString()};
    spec.mesh = {m_mesh->currentText().trimmed(), m_namespace->text().trimmed()};
    if (m_beforeAfter->isChecked()) {
        spec.injection = true;
        spec.baseline = spec.mesh;
    }
    spec.rates = rates;
    spec.repeats = m_repeat->value();
    spec.load.duration
        = std::chrono::milliseconds(static_cast<long long>(m_duration->value() * 1000));
    spec.load.warmup = std::chrono::milliseconds(static_cast<long long>(m_warmup->value() * 1000));
    spec.load.connections = m_connections->value();
    spec.sampleIntervalMs = m_controller->hasCluster() ? 1000 : 2000;
    if (m_inCluster->isChecked()) {
        InCluster::InClusterOptions workers;
        workers.workers = m_workers->value();
        spec.inCluster = workers;
    }
    m_log->clear();
    m_log->setVisible(true);
    m_report->setVisible(false);
    setRunning(true);
    m_status->setText(m_controller->hasCluster() || spec.mesh.ns.isEmpty()
                          ? tr("Starting…")
                          : tr("No cluster is connected: latency only, no CPU or memory."));
    m_controller->start(spec);
}

void OverheadDialog::setRunning(bool running)
{
    m_progress->setVisible(running || m_progress->value() > 0);
    m_start->setVisible(!running);
    m_cancel->setVisible(running);
    m_workers->setEnabled(!running && m_inCluster->isChecked());
    for (QWidget *w : std::initializer_list<QWidget *> {m_baseline, m_mesh, m_namespace, m_rates,
                                                        m_repeat, m_duration, m_warmup,
                                                        m_connections, m_inCluster, m_beforeAfter})
        w->setEnabled(!running);
    m_baseline->setEnabled(!running && !m_beforeAfter->isChecked());
}

void OverheadDialog::reject()
{
    if (m_controller->isRunning())
        m_controller->cancel(); // what finished is kept in Results
    QDialog::reject();
}

void OverheadDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void OverheadDialog::retranslate()
{
    setWindowTitle(tr("Measure Mesh Overhead"));
    m_intro->setText(tr("Sends the same constant-rate load to the target without the mesh and "
                        "through it, at each rate, the two interleaved and repeated, and reports "
                        "the latency the mesh adds and the CPU and memory its proxies and control "
                        "plane use (from the cluster's Prometheus or metrics API)."));
    m_baselineLabel->setText(tr("&Baseline (no mesh):"));
    m_meshLabel->setText(m_beforeAfter->isChecked() ? tr("&Target:") : tr("&Mesh:"));
    m_beforeAfter->setText(
        tr("One namespace &before and after injection (restarts its workloads twice)"));
    m_beforeAfter->setToolTip(
        tr("The baseline runs with the mesh namespace's injection switched off and its pods "
           "restarted without sidecars, the mesh runs with it on; the namespace is put back as "
           "it was. The arms follow each other instead of interleaving. On the demo, generate "
           "the load inside the cluster: its local URLs do not follow the pods."));
    m_namespaceLabel->setText(tr("Mesh &namespace:"));
    m_namespace->setPlaceholderText(tr("where the mesh arm's pods run, for CPU and memory"));
    m_ratesLabel->setText(tr("&Rates (requests/s):"));
    m_repeatLabel->setText(tr("Re&petitions:"));
    m_durationLabel->setText(tr("&Duration per run:"));
    m_duration->setSuffix(tr(" s"));
    m_warmupLabel->setText(tr("&Warm-up:"));
    m_warmup->setSuffix(tr(" s"));
    m_connectionsLabel->setText(tr("&Connections:"));
    m_inCluster->setText(tr("Generate the load &inside the cluster (worker pods of a Job)"));
    m_inCluster->setToolTip(
        tr("The baseline's workers run outside the mesh, the mesh arm's inside it with their own "
           "sidecar, as Istio and Linkerd measure. The URLs are what the pods reach, such as a "
           "Service name."));
    m_workersLabel->setText(tr("W&orkers:"));
    m_start->setText(tr("&Start"));
    m_cancel->setText(tr("&Cancel"));
    m_close->setText(tr("Close"));
}

} // namespace Meshdeck
