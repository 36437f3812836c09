using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace PixyzGen;

/// <summary>
/// How many cores other processes keep busy, from Linux's /proc: the machine's busy time (/proc/stat) minus this
/// process's own (/proc/self/stat, every thread, spinning ones included), between two readings.
/// </summary>
internal sealed class CpuLoad
{
    private Reading last;

    private readonly record struct Reading(long Total, long Busy, long Own, int Cores);

    private CpuLoad(Reading first) => last = first;

    /// <summary>A monitor from now on, or null where /proc cannot be read (not Linux, restricted containers).</summary>
    public static CpuLoad? TryStart() => Read() is { } first ? new CpuLoad(first) : null;

    /// <summary>The machine's cores as /proc/stat counts them (a container's host may have more than this process may use).</summary>
    public int MachineCores => last.Cores;

    /// <summary>The cores other processes used on average since the previous call, or null when no time passed or /proc failed.</summary>
    public double? OtherCores()
    {
        if (Read() is not { } now) return null;
        var total = now.Total - last.Total;
        var busy = now.Busy - last.Busy;
        var own = now.Own - last.Own;
        last = now;
        if (total <= 0) return null;
        return Math.Max(0, busy - own) * (double)now.Cores / total;
    }

    private static Reading? Read()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"; guest time is already in user.
            var lines = File.ReadAllLines("/proc/stat");
            var machine = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(Parse).ToArray();
            var cores = lines.Count(l => l.StartsWith("cpu", StringComparison.Ordinal) && l.Length > 3 && char.IsDigit(l[3]));
            var total = machine.Sum();
            var busy = total - machine[3] - machine[4];
            // Fields after the command's closing parenthesis: state is field 3, utime 14, stime 15.
            var self = File.ReadAllText("/proc/self/stat");
            var fields = self[(self.LastIndexOf(')') + 2)..].Split(' ');
            var own = Parse(fields[11]) + Parse(fields[12]);
            return new Reading(total, busy, own, Math.Max(1, cores));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            return null;
        }
    }

    private static long Parse(string value) => long.Parse(value, CultureInfo.InvariantCulture);
}
