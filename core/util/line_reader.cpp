#include "util/line_reader.h"

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace vigie {

namespace {

constexpr qsizetype chunkBytes = 64 * 1024;

} // namespace

LineReader::LineReader(int fd, qsizetype maxLine, qsizetype keep)
    : m_fd(fd), m_maxLine(maxLine), m_keep(std::min(keep, maxLine))
{}

Result<bool> LineReader::fill()
{
    if (m_eof)
        return false;
    // Drop what was consumed before growing the buffer: it never holds more than a line's limit plus a chunk.
    if (m_start > 0) {
        m_buffer.remove(0, m_start);
        m_start = 0;
    }
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + chunkBytes);
    for (;;) {
        const ssize_t n = ::read(m_fd, m_buffer.data() + old, size_t(chunkBytes));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int code = errno;
            m_buffer.resize(old);
            return Error{QString::fromLocal8Bit(std::strerror(code))};
        }
        m_buffer.resize(old + qsizetype(n));
        if (n == 0)
            m_eof = true;
        return n > 0;
    }
}

Result<std::optional<InputLine>> LineReader::next()
{
    InputLine line;
    line.number = m_lineNumber + 1;
    qsizetype scanned = 0; // bytes of the pending line already searched for a newline
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n', m_start + scanned);
        if (newline >= 0) {
            const qsizetype size = newline - m_start;
            line.length += size;
            if (line.tooLong || line.length > m_maxLine) {
                if (!line.tooLong)
                    line.bytes = m_buffer.mid(m_start, m_keep);
                line.tooLong = true;
            } else {
                line.bytes = m_buffer.mid(m_start, size);
            }
            m_start = newline + 1;
            ++m_lineNumber;
            return std::optional<InputLine>(std::move(line));
        }
        const qsizetype pending = m_buffer.size() - m_start;
        if (line.tooLong || line.length + pending > m_maxLine) {
            // Over the limit without a newline yet: keep the head once, drop the rest as it comes.
            if (!line.tooLong)
                line.bytes = m_buffer.mid(m_start, m_keep);
            line.tooLong = true;
            line.length += pending;
            m_start = m_buffer.size();
            scanned = 0;
        } else {
            scanned = pending;
        }
        auto more = fill();
        if (!more)
            return more.error();
        if (!*more) {
            // End of input: a last line without its newline, or nothing.
            const qsizetype rest = m_buffer.size() - m_start;
            if (rest == 0 && !line.tooLong)
                return std::optional<InputLine>();
            if (!line.tooLong)
                line.bytes = m_buffer.mid(m_start, rest);
            line.length += line.tooLong ? 0 : rest;
            line.complete = false;
            m_start = m_buffer.size();
            ++m_lineNumber;
            return std::optional<InputLine>(std::move(line));
        }
    }
}

} // namespace vigie
