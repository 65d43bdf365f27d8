// Internal: the one file writer of xxgk (file_io.cpp). `xxgk::write_file` (json.hpp), the corpus
// writer and, through write_file, every output of the xxgk command write through it.
//
// An atomic_file collects what is written in a temporary file beside its target (same directory,
// so same file system: the rename is atomic), named ".NAME.xxgk-XXXXXX.tmp"; `commit` flushes it
// (to disk, with fsync, when it replaces a file: a crash then leaves the old file or the new one;
// a new file is not synced, which would make `xxgk generate` of many files several times slower)
// and renames it over the target. Until then the target is untouched, and an atomic_file
// destroyed without a commit (a failed write, an exception) removes its temporary file: a reader of
// the target sees the old content or the new, never part of the new. A target that exists and is
// not a regular file (a terminal, /dev/stdout, a FIFO) cannot be replaced: it is written in place.
#ifndef XXGK_SRC_FILE_IO_HPP
#define XXGK_SRC_FILE_IO_HPP

#include <string>
#include <string_view>

namespace xxgk::detail {

class atomic_file {
public:
    /// Creates the temporary file for `path`. Throws file_error (errc::io_error) naming `path`
    /// when its directory cannot be written or `path` is a directory.
    explicit atomic_file(std::string path);
    atomic_file(const atomic_file&) = delete;
    atomic_file& operator=(const atomic_file&) = delete;
    /// Removes the temporary file unless committed.
    ~atomic_file();

    /// Appends `text` (buffered). Throws file_error when the system refuses (disk full, EFBIG).
    void write(std::string_view text);
    /// Flushes and closes the temporary file (syncing it to disk first when it replaces a file,
    /// so that even a system crash cannot leave the target empty), then renames it over the target. Throws
    /// file_error, the temporary file removed and the target untouched, when any step fails.
    void commit();

    const std::string& path() const noexcept { return path_; }

private:
    void flush();
    void discard() noexcept;

    std::string path_;    ///< the target as given (messages name it)
    std::string target_;  ///< the file replaced: `path_`, or the file a symbolic link names
    std::string temp_;    ///< the temporary file; empty when writing in place
    std::string buffer_;
    int fd_ = -1;
    bool replaces_ = false;  ///< the target exists: sync before the rename, so a crash cannot lose it
    bool committed_ = false;
};

}  // namespace xxgk::detail

#endif
