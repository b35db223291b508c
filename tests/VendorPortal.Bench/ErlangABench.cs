using System.Diagnostics;
using System.Globalization;
using VendorPortal.Web.Features.Staffing;

namespace VendorPortal.Bench;

/// <summary>
/// Erlang A for one interval at scale: by default 2,000 erlangs (6,000 contacts in 15 minutes at a 300 s handle time),
/// 80% within 20 s, callers' patience 120 s. Prints the agents and the time per interval, the mean over repeated runs
/// after a warm-up. Usage: VendorPortal.Bench erlang-a [erlangs] [runs] [patience seconds]
/// </summary>
public static class ErlangABench
{
    public static int Run(string[] args)
    {
        var erlangs = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var patience = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 120;
        var input = new StaffingInput(erlangs * 900 / 300, 15, 300, 0.8, 20, 0.3, 1, PatienceSeconds: patience);
        var result = Erlang.Staff(input); // warm-up (JIT)
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++) result = Erlang.Staff(input);
        watch.Stop();
        var perInterval = watch.Elapsed.TotalMilliseconds / runs;
        var erlangC = ErlangC.Staff(input);
        Console.WriteLine(
            $"{$"Erlang A, {erlangs:N0} erlangs, patience {patience:0} s",-42} {perInterval.ToString("0.00", CultureInfo.InvariantCulture),10} ms    " +
            $"(mean of {runs}; target: under 1 s; {result.Agents} agents, SL {result.ServiceLevel:P1}, abandon {result.AbandonRate:P1}; " +
            $"Erlang C {erlangC.Agents})");
        return 0;
    }
}
