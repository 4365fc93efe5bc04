#pragma once

#include <QElapsedTimer>
#include <QTimer>

// Measures how long the GUI thread went without running its event loop: a 5 ms timer on that
// thread; the longest gap between two of its ticks is the longest stall.
class StallProbe
{
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_worst = qMax(m_worst, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_worst = 0;
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return m_worst;
    }
    // The longest stall so far, the probe still running.
    [[nodiscard]] qint64 worstSoFar() const { return m_worst; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};
