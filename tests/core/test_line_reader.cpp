// LineReader: lines capped at a limit, a longer one skipped to its newline, read errors as errors.
#include "util/line_reader.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

using namespace vigie;

namespace {

std::vector<InputLine> readAll(const QByteArray &bytes, qsizetype limit, qsizetype keep = 4)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("in"));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    EXPECT_GE(fd, 0);
    LineReader reader(fd, limit, keep);
    std::vector<InputLine> out;
    for (;;) {
        auto next = reader.next();
        EXPECT_TRUE(next);
        if (!next || !next->has_value())
            break;
        out.push_back(**next);
    }
    ::close(fd);
    return out;
}

} // namespace

TEST(LineReader, LinesAtTheLimitPassLongerOnesAreCutAndSkipped)
{
    // 200,000 bytes: a line over the limit that spans several reads of the descriptor.
    const QByteArray input = "abcd\n" + QByteArray(10, 'x') + "\n" + QByteArray(200000, 'y') + "\nlast";
    const auto lines = readAll(input, 10);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0].bytes, "abcd");
    EXPECT_FALSE(lines[0].tooLong);
    EXPECT_EQ(lines[1].bytes, QByteArray(10, 'x'));
    EXPECT_FALSE(lines[1].tooLong);
    EXPECT_TRUE(lines[2].tooLong);
    EXPECT_EQ(lines[2].length, 200000);
    EXPECT_EQ(lines[2].bytes, "yyyy"); // its first `keep` bytes only
    EXPECT_EQ(lines[2].number, 3);
    EXPECT_EQ(lines[3].bytes, "last");
    EXPECT_FALSE(lines[3].complete);
    EXPECT_EQ(lines[3].number, 4);
}

TEST(LineReader, ALongLastLineWithoutNewlineIsStillOneLine)
{
    const auto lines = readAll("ok\n" + QByteArray(100000, 'z'), 1000);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_TRUE(lines[1].tooLong);
    EXPECT_EQ(lines[1].length, 100000);
    EXPECT_FALSE(lines[1].complete);
}

TEST(LineReader, ADirectoryIsAReadErrorNotAnEndlessLoop)
{
    QTemporaryDir dir;
    const int fd = ::open(QFile::encodeName(dir.path()).constData(), O_RDONLY);
    ASSERT_GE(fd, 0);
    LineReader reader(fd, 1000);
    auto next = reader.next();
    ASSERT_FALSE(next);
    EXPECT_FALSE(next.error().message.isEmpty());
    ::close(fd);
}
