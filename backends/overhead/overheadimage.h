#pragma once

#include "overheadreport.h"

#include <core/result.h>

#include <QImage>

namespace Meshdeck::Overhead {

// The overhead report as one picture: the heading, the table in the form Istio publishes and
// the HTML report's charts, on a white page. Needs a QGuiApplication (fonts); the command line
// gets one on the offscreen platform for `perf overhead --png`.
class OverheadImage
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Overhead::OverheadImage)

public:
    [[nodiscard]] static QImage render(const OverheadReport &report);
    [[nodiscard]] static VoidResult write(const OverheadReport &report, const QString &path);
};

} // namespace Meshdeck::Overhead
