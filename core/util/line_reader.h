#pragma once
// Lines from a file descriptor (standard input, a pipe, a file), each at most a given number of bytes. A
// longer line is never held whole: its first bytes are kept, the rest is skipped up to its newline, and the
// line is returned marked too long, so that a caller refuses it and goes on with the next. A read error is an
// Error, never an endless loop of empty reads.
#include "util/result.h"

#include <QByteArray>

#include <optional>

namespace vigie {

struct InputLine
{
    qint64 number = 0;    ///< 1 for the first line
    QByteArray bytes;     ///< the line without its newline; for a line too long, its first bytes only
    qint64 length = 0;    ///< the line's whole length in bytes (without the newline)
    bool tooLong = false; ///< longer than the reader's limit
    bool complete = true; ///< ended by a newline (false only for the last line of the input)
};

class LineReader
{
public:
    /// Reads `fd` (not owned) with lines of at most `maxLine` bytes; of a longer line `keep` bytes are kept.
    LineReader(int fd, qsizetype maxLine, qsizetype keep = 4096);
    /// The next line, nullopt at the end of the input, an Error (with the system's reason) when reading
    /// fails.
    [[nodiscard]] Result<std::optional<InputLine>> next();
    /// Lines returned so far.
    [[nodiscard]] qint64 lineNumber() const { return m_lineNumber; }

private:
    /// Reads more into the buffer; false at the end of the input.
    [[nodiscard]] Result<bool> fill();
    int m_fd;
    qsizetype m_maxLine;
    qsizetype m_keep;
    QByteArray m_buffer;
    qsizetype m_start = 0; ///< first unread byte of m_buffer
    qint64 m_lineNumber = 0;
    bool m_eof = false;
};

} // namespace vigie
