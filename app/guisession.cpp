#include "guisession.h"

#include "clicommand.h"
#include "languagemanager.h"
#include "mainwindow.h"

#include <core/logging.h>
#include <models/preferences.h>
#include <models/resourcetreemodel.h>
#include <models/resultscontroller.h>
#include <models/runstablemodel.h>
#include <models/topologycontroller.h>
#include <store/resultstore.h>
#include <views/thememanager.h>
#include <views/topologypage.h>
#include <views/topologyview.h>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace Meshdeck {

GuiSession::GuiSession(QApplication *app, const GuiOptions &options)
    : m_app(app)
    , m_options(options)
{
    const bool screenshot = !options.screenshotFile.isEmpty();
    if (screenshot) {
        QTemporaryDir dir;
        dir.setAutoRemove(false);
        m_tempDir = dir.path();
        m_preferences = std::make_unique<Preferences>(m_tempDir + QStringLiteral("/meshdeck.ini"));
    } else {
        m_preferences = std::make_unique<Preferences>();
    }
    m_theme = std::make_unique<ThemeManager>(app);
    m_theme->apply(options.theme.value_or(m_preferences->theme()));
    m_language = std::make_unique<LanguageManager>();
    m_language->apply(m_preferences->language());

    QObject::connect(m_preferences.get(), &Preferences::themeChanged, app,
                     [this](ThemeMode mode) { m_theme->apply(mode); });
    QObject::connect(m_preferences.get(), &Preferences::languageChanged, app,
                     [this](const QString &code) { m_language->apply(code); });

    m_window = std::make_unique<MainWindow>(m_preferences.get());
    m_window->setPersistState(!screenshot);
    // Runs and profiles: the user's database; a screenshot gets a fresh one unless told which.
    const QString results = qEnvironmentVariable("MESHDECK_RESULTS_DB");
    m_window->openResults(!results.isEmpty()
                              ? results
                              : (screenshot ? m_tempDir + QStringLiteral("/results.sqlite")
                                            : ResultStore::defaultPath()));
    if (options.page)
        m_window->setCurrentPage(*options.page);
    // A screenshot shows a cluster only when asked to (--demo, --kubeconfig), so that it is the
    // same on every machine.
    if (!screenshot || options.demo || !options.kubeconfig.isEmpty())
        m_window->startClusters(options.kubeconfig, options.context, options.demo);
}

GuiSession::~GuiSession()
{
    m_window.reset();
    m_preferences.reset();
    if (!m_tempDir.isEmpty())
        QDir(m_tempDir).removeRecursively();
}

int GuiSession::exec()
{
    m_window->show();
    return m_app->exec();
}

int GuiSession::renderScreenshot()
{
    m_window->resize(m_options.size);
    m_window->show();
    int rc = ExitOk;
    // Grab once the event loop has laid the window out and painted it; with a cluster, once its
    // pods are in (or after ten seconds).
    const bool waitForCluster = m_options.demo || !m_options.kubeconfig.isEmpty();
    QElapsedTimer clock;
    clock.start();
    QTimer poll;
    poll.setInterval(100);
    QObject::connect(
        &poll, &QTimer::timeout, m_window.get(), [this, &poll, &clock, &rc, waitForCluster] {
            if (waitForCluster && clock.elapsed() < 10000
                && (m_window->resourceTree()->podCount() == 0 || clock.elapsed() < 4000))
                return;
            // The results database opens on a worker and the runs table reads on its own
            // thread: wait (up to 10 s) for both.
            const ResultsController *results = m_window->resultsController();
            if ((results->busy() || results->runs()->loading()) && clock.elapsed() < 10000)
                return;
            // The topology of the demo: wait (up to 25 s) for the first live traffic.
            if (m_options.demo && m_window->currentPage() == PageId::Topology
                && clock.elapsed() < 25000) {
                auto *page = qobject_cast<TopologyPage *>(m_window->pageWidget(PageId::Topology));
                bool traffic = false;
                for (const auto &e : page->graph().edges)
                    traffic = traffic || e.rps > 0;
                if (!traffic) {
                    if (m_window->topologyController()->interval() != 2000)
                        m_window->topologyController()->setInterval(2000);
                    return;
                }
                if (page->view()->isMoving()) // nodes still gliding to the new layout
                    return;
            }
            poll.stop();
            const QImage image = m_window->grab().toImage();
            const QString file = m_options.screenshotFile;
            const QFileInfo info(file);
            if (!info.absoluteDir().exists()) {
                std::fprintf(stderr, "meshdeck: cannot write %s: the folder %s does not exist\n",
                             qPrintable(file), qPrintable(info.absolutePath()));
                rc = ExitFailure;
            } else if (!image.save(file, "PNG")) {
                std::fprintf(stderr, "meshdeck: cannot write %s: check the folder's permissions\n",
                             qPrintable(file));
                rc = ExitFailure;
            }
            m_window->close();
            m_app->quit();
        });
    poll.start();
    m_app->exec();
    return rc;
}

} // namespace Meshdeck
