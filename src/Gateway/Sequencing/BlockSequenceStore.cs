using System.Globalization;
using System.Text;

namespace AfterSales.Gateway.Sequencing;

/// <summary>
/// Persists <c>seq</c> in <c>{stateDirectory}/seq</c> by reserving blocks: the file holds the first
/// number not yet reserved, written with fsync before any number of the block is handed out.
/// A crash loses at most the rest of a block (a gap, which the contract allows) and can never repeat
/// a number, while normal events cost no disk write at all.
/// </summary>
internal sealed class BlockSequenceStore : ISequenceSource
{
    public const string FileName = "seq";
    public const int DefaultBlockSize = 1000;

    private readonly Lock _lock = new();
    private readonly string _path;
    private readonly int _blockSize;
    private long _next;
    private long _reservedUpTo;

    public BlockSequenceStore(string stateDirectory, int blockSize = DefaultBlockSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        Directory.CreateDirectory(stateDirectory);
        _path = Path.Combine(stateDirectory, FileName);
        _blockSize = blockSize;
        _next = ReadMark(_path);
        _reservedUpTo = _next;
    }

    public string FilePath => _path;

    public long Next()
    {
        lock (_lock)
        {
            if (_next >= _reservedUpTo)
            {
                Reserve(_next + _blockSize);
            }

            return _next++;
        }
    }

    private void Reserve(long mark)
    {
        // Write-then-rename so a crash mid-write leaves the old mark, never a torn file.
        var temp = _path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.ASCII.GetBytes(mark.ToString(CultureInfo.InvariantCulture) + "\n"));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, _path, overwrite: true);
        _reservedUpTo = mark;
    }

    private static long ReadMark(string path)
    {
        if (!File.Exists(path))
        {
            return 1;
        }

        var text = File.ReadAllText(path).Trim();
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mark) || mark < 1)
        {
            // Guessing would risk repeating a seq the cloud already holds; an operator must decide.
            throw new InvalidDataException($"{path} holds '{text}', not a sequence mark; write a number above the last seq the cloud has received.");
        }

        return mark;
    }
}
