#include "wizardsteps.h"

#include "installwizard.h"
#include "yamlhighlighter.h"

#include "yamlhighlighter.h"

#include <core/yaml.h>
#include <models/installsession.h>

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Meshdeck::Wizard {

namespace {

// 1. Which mesh: one card per mesh of the catalog.
class ChooseMeshStep : public QWizardPage
{
public:
    ChooseMeshStep(WizardState *state)
        : m_state(state)
    {
        setTitle(InstallWizard::tr("Choose a service mesh"));
        setSubTitle(InstallWizard::tr("What each one is, and what this cluster already runs. Use "
                                      "the arrow keys to choose."));
        auto *layout = new QVBoxLayout(this);
        m_cards = new QListWidget(this);
        m_cards->setObjectName(QStringLiteral("meshCards"));
        m_cards->setSpacing(4);
        m_cards->setSelectionMode(QAbstractItemView::SingleSelection);
        layout->addWidget(m_cards);
        for (const Mesh::MeshDescription &m : Mesh::catalog()) {
            auto *item = new QListWidgetItem(m_cards);
            item->setData(Qt::UserRole, m.id);
            auto *card = new QWidget;
            auto *v = new QVBoxLayout(card);
            v->setContentsMargins(10, 8, 10, 8);
            v->setSpacing(2);
            auto *title = new QLabel(QStringLiteral("<b>%1</b> &nbsp; <a href=\"%2\">%2</a>")
                                         .arg(m.name.toHtmlEscaped(), m.homepage),
                                     card);
            title->setOpenExternalLinks(true);
            title->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
            auto *summary = new QLabel(m.localSummary(), card);
            summary->setWordWrap(true);
            QStringList facts;
            const Mesh::DetectedMesh *d = state->detectedFor(m.id);
            const bool installed = d && d->replicas > 0;
            if (installed)
                facts << InstallWizard::tr("Installed here: %1, %2/%3 Ready")
                             .arg(d->version.toHtmlEscaped())
                             .arg(d->ready)
                             .arg(d->replicas);
            else
                facts << InstallWizard::tr("Not installed here");
            const bool cli = !QStandardPaths::findExecutable(m.cli).isEmpty();
            facts << (cli ? InstallWizard::tr("%1 found").arg(m.cli)
                          : InstallWizard::tr("%1 not on PATH").arg(m.cli));
            if (!m.bundledManifest.isEmpty())
                facts << InstallWizard::tr("bundled manifest (%1)").arg(m.bundledVersion);
            auto *status = new QLabel(facts.join(QStringLiteral(" · ")), card);
            status->setTextFormat(Qt::RichText);
            status->setProperty("installed", installed);
            m_status.append(status);
            status->setEnabled(true);
            QFont small = status->font();
            small.setPointSizeF(small.pointSizeF() * 0.92);
            status->setFont(small);
            v->addWidget(title);
            v->addWidget(summary);
            v->addWidget(status);
            card->setAccessibleName(m.name);
            item->setSizeHint(QSize(10, card->sizeHint().height() + 6));
            item->setText(QString()); // the card speaks for it
            item->setData(Qt::AccessibleTextRole, m.name + QStringLiteral(": ") + m.localSummary());
            m_cards->setItemWidget(item, card);
        }
        colourCards(-1);
        connect(m_cards, &QListWidget::currentRowChanged, this, [this](int row) {
            colourCards(row);
            if (row >= 0)
                m_state->mesh = m_cards->item(row)->data(Qt::UserRole).toString();
            Q_EMIT completeChanged();
        });
        // A double click on a card goes on (Enter does too: it reaches the wizard's Next).
        connect(m_cards, &QListWidget::itemDoubleClicked, this, [this] { wizard()->next(); });
    }

    void select(const QString &id)
    {
        for (int i = 0; i < m_cards->count(); ++i)
            if (m_cards->item(i)->data(Qt::UserRole).toString() == id)
                m_cards->setCurrentRow(i);
    }

    void initializePage() override
    {
        if (m_cards->currentRow() < 0)
            select(m_state->mesh);
        m_cards->setFocus();
    }

    bool isComplete() const override { return m_cards->currentRow() >= 0; }

private:
    // A card's text in the selection's text colour when selected (green on the selection's
    // blue is unreadable); "installed here" is green only on an unselected card.
    void colourCards(int selectedRow)
    {
        for (int i = 0; i < m_status.size(); ++i) {
            QWidget *card = m_cards->itemWidget(m_cards->item(i));
            const bool selected = i == selectedRow;
            QPalette pal = m_cards->palette();
            if (selected) {
                pal.setColor(QPalette::WindowText, pal.color(QPalette::HighlightedText));
                pal.setColor(QPalette::Link, pal.color(QPalette::HighlightedText));
            } else if (m_status[i]->property("installed").toBool())
                pal.setColor(QPalette::WindowText, pal.color(QPalette::Text));
            card->setPalette(pal);
            QPalette statusPal = pal;
            if (!selected && m_status[i]->property("installed").toBool())
                statusPal.setColor(QPalette::WindowText, QColor(0x2e, 0x9d, 0x4f));
            m_status[i]->setPalette(statusPal);
        }
    }

    WizardState *m_state;
    QListWidget *m_cards;
    QList<QLabel *> m_status;
};

} // namespace

QWizardPage *createChooseMeshStep(WizardState *state)
{
    return new ChooseMeshStep(state);
}

void selectMeshOnStep(QWizardPage *page, const QString &id)
{
    static_cast<ChooseMeshStep *>(page)->select(id);
}

} // namespace Meshdeck::Wizard
