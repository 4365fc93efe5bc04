#pragma once

#include <QImage>
#include <QSet>

// True when an image has real content: a good number of distinct colours (text, icons) and no
// single colour covering all of it. Samples a grid, so it is fast on large images.
inline bool isNonBlank(const QImage &image, int minColours = 16, double maxShare = 0.995)
{
    if (image.isNull() || image.width() < 2 || image.height() < 2)
        return false;
    QHash<QRgb, int> counts;
    int samples = 0;
    const int stepX = qMax(1, image.width() / 160);
    const int stepY = qMax(1, image.height() / 120);
    for (int y = 0; y < image.height(); y += stepY) {
        for (int x = 0; x < image.width(); x += stepX) {
            ++counts[image.pixel(x, y)];
            ++samples;
        }
    }
    int top = 0;
    for (int c : counts)
        top = qMax(top, c);
    return counts.size() >= minColours && double(top) / samples <= maxShare;
}
