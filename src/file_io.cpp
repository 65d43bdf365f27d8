// Files: the one bounded reader (`read_file`) and the one atomic writer (`write_file`,
// detail::atomic_file) every face of xxgk uses: the C++ API, the C ABI, Python and the command.
// POSIX calls rather than streams: the reader must look at what it opened (fstat) before reading a
// byte, and the writer must sync, rename and say why a write failed (errno).
#include "file_io.hpp"

#include "xxgk/error.hpp"
#include "xxgk/json.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <random>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace xxgk {
namespace {

std::error_code reason_of(int err) { return std::error_code(err, std::generic_category()); }

// "no such file or directory": the system's words, as the tail of a sentence.
std::string said(int err) {
    std::string s = std::generic_category().message(err);
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

[[noreturn]] void fail(const std::string& path, int err, const std::string& message) {
    throw file_error(path, reason_of(err), message);
}

// Refuses what is not a regular file, saying what it is: reading a device (/dev/zero), a FIFO
// or a socket may never end, and a directory has no content to read.
void require_regular(const std::string& path, const struct stat& st) {
    if (S_ISREG(st.st_mode)) return;
    const char* what = S_ISDIR(st.st_mode)    ? "a directory"
                       : S_ISCHR(st.st_mode)  ? "a character device"
                       : S_ISBLK(st.st_mode)  ? "a block device"
                       : S_ISFIFO(st.st_mode) ? "a FIFO (named pipe)"
                       : S_ISSOCK(st.st_mode) ? "a socket"
                                              : "not a regular file";
    fail(path, S_ISDIR(st.st_mode) ? EISDIR : EINVAL, "'" + path + "' is " + what + ", not a file");
}

struct fd_closer {
    int fd;
    ~fd_closer() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::string read_file(const std::string& path) { return read_file(path, std::numeric_limits<std::size_t>::max()); }

std::string read_file(const std::string& path, std::size_t max_bytes) {
    // stat first: opening some devices has effects (a tape rewinds), and a FIFO would block.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        fail(path, err, "cannot open '" + path + "' for reading: " + said(err));
    }
    require_regular(path, st);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        const int err = errno;
        fail(path, err, "cannot open '" + path + "' for reading: " + said(err));
    }
    fd_closer closer{fd};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        fail(path, err, "cannot read '" + path + "': " + said(err));
    }
    require_regular(path, st);  // what was opened, should the path have changed since the stat
    const auto too_large = [&](const std::string& how) {
        return error(errc::limit_exceeded,
                     "'" + path + "' is " + how + " bytes, more than the limit of " + std::to_string(max_bytes));
    };
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > max_bytes) throw too_large(std::to_string(size));
    // At most max_bytes + 1 bytes, whatever the file does while it is read (it may grow; files of
    // /proc say 0 bytes and have more).
    const std::size_t want = max_bytes == std::numeric_limits<std::size_t>::max() ? max_bytes : max_bytes + 1;
    std::string out;
    out.resize(static_cast<std::size_t>(std::min<std::uintmax_t>(std::max<std::uintmax_t>(size + 1, 4096), want)));
    std::size_t got = 0;
    while (got < want) {
        if (got == out.size())
            out.resize(static_cast<std::size_t>(std::min<std::uintmax_t>(want, std::uintmax_t{out.size()} * 2)));
        const ::ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0) {
            const int err = errno;
            if (err == EINTR) continue;
            fail(path, err, "cannot read '" + path + "': " + said(err));
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    if (got > max_bytes) throw too_large("more than " + std::to_string(max_bytes));
    out.resize(got);
    return out;
}

void write_file(const std::string& path, std::string_view text) {
    detail::atomic_file out(path);
    out.write(text);
    out.commit();
}

namespace detail {

namespace {

std::string random_suffix() {
    static constexpr char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    thread_local std::mt19937_64 rng{std::random_device{}() ^ (static_cast<std::uint64_t>(::getpid()) << 32)};
    std::string s(6, 'x');
    for (char& c : s) c = letters[rng() % (sizeof letters - 1)];
    return s;
}

}  // namespace

atomic_file::atomic_file(std::string path) : path_(std::move(path)), target_(path_) {
    if (path_.empty()) fail(path_, ENOENT, "cannot write '': no file name");
    // A symbolic link stays a link: the file it names is replaced.
    struct stat st {};
    if (::lstat(path_.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        if (char* real = ::realpath(path_.c_str(), nullptr)) {
            target_ = real;
            std::free(real);
        }
    }
    bool keep_mode = false;
    if (::stat(target_.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) fail(path_, EISDIR, "cannot write '" + path_ + "': it is a directory");
        if (!S_ISREG(st.st_mode)) {  // a terminal, a pipe, /dev/null: nothing to replace
            fd_ = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
            if (fd_ < 0) {
                const int err = errno;
                fail(path_, err, "cannot write '" + path_ + "': " + said(err));
            }
            return;
        }
        keep_mode = true;
    }
    const std::size_t slash = target_.rfind('/');
    const std::string dir = slash == std::string::npos ? std::string() : target_.substr(0, slash + 1);
    const std::string name = slash == std::string::npos ? target_ : target_.substr(slash + 1);
    for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
        temp_ = dir + "." + name + ".xxgk-" + random_suffix() + ".tmp";
        fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0666);
        if (fd_ < 0 && errno != EEXIST) break;
    }
    if (fd_ < 0) {
        const int err = errno;
        temp_.clear();
        fail(path_, err, "cannot write '" + path_ + "': " + said(err));
    }
    if (keep_mode) (void)::fchmod(fd_, st.st_mode & 07777);  // the replaced file's permissions
    replaces_ = keep_mode;
}

atomic_file::~atomic_file() { discard(); }

void atomic_file::discard() noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
    temp_.clear();
}

void atomic_file::write(std::string_view text) {
    if (fd_ < 0) fail(path_, EBADF, "cannot write '" + path_ + "': the file is closed");
    buffer_.append(text.data(), text.size());
    if (buffer_.size() >= (std::size_t{1} << 16)) flush();
}

void atomic_file::flush() {
    std::size_t done = 0;
    while (done < buffer_.size()) {
        const ::ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
        if (n < 0) {
            const int err = errno;
            if (err == EINTR) continue;
            buffer_.clear();
            const std::string tail = temp_.empty() ? "" : "; the file was left as it was";
            discard();
            fail(path_, err, "cannot write '" + path_ + "': " + said(err) + tail);
        }
        done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
}

void atomic_file::commit() {
    if (fd_ < 0) fail(path_, EBADF, "cannot write '" + path_ + "': the file is closed");
    flush();
    const std::string tail = temp_.empty() ? "" : "; the file was left as it was";
    const auto failed = [&](int err) {
        discard();
        fail(path_, err, "cannot write '" + path_ + "': " + said(err) + tail);
    };
    if (!temp_.empty() && replaces_ && ::fsync(fd_) != 0) failed(errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0 && errno != EINTR) failed(errno);
    if (temp_.empty()) {
        committed_ = true;
        return;
    }
    if (::rename(temp_.c_str(), target_.c_str()) != 0) failed(errno);
    committed_ = true;
    temp_.clear();
}

}  // namespace detail
}  // namespace xxgk
