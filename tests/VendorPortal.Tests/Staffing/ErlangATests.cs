namespace VendorPortal.Tests.Staffing;

/// <summary>
/// Erlang A (M/M/n+M) through HTTP, checked against a reference built here by other means: the truncated birth–death
/// chain's balance equations solved by Gaussian elimination, and the chance that a caller who finds j others queued
/// is answered within the target time from that caller's own small Markov chain (j+1 places to advance, its own
/// patience running out meanwhile) by uniformisation. No number below was copied from the implementation.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ErlangATests(AppFactory app)
{
    private async Task<HttpResponseMessage> CalculateAsync(string query, string model = "erlang-a")
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        return await planner.SendAsync((model == "erlang-a" ? ApiRoutes.Demo.ErlangA : ApiRoutes.Demo.ErlangC).Query(query));
    }

    private async Task<JsonObject> StaffAsync(string query, string model = "erlang-a")
    {
        using var response = await CalculateAsync(query, model);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.ReadObjectAsync();
    }

    [Theory]
    [InlineData(20, 60, 180, 0.6, 20, 60, 1.0)]      // 1 erlang, impatient callers
    [InlineData(100, 30, 180, 0.8, 20, 120, 1.0)]    // 10 erlangs
    [InlineData(30, 15, 240, 0.9, 10, 30, 0.9)]      // 8 erlangs, very impatient, occupancy cap
    [InlineData(5, 30, 300, 0.5, 0, 600, 1.0)]       // under one erlang, target 0 s: answered at once
    [InlineData(600, 60, 300, 0.8, 30, 180, 0.95)]   // 50 erlangs
    [InlineData(200, 30, 400, 0.85, 15, 900, 1.0)]   // patience longer than the handle time
    public async Task Small_cases_match_the_birth_death_chain_solved_independently(
        double contacts, int intervalMinutes, double aht, double serviceLevel, double target, double patience, double maxOccupancy)
    {
        var query = FormattableString.Invariant(
            $"contacts={contacts}&intervalMinutes={intervalMinutes}&ahtSeconds={aht}&serviceLevel={serviceLevel}&targetSeconds={target}&patienceSeconds={patience}&maxOccupancy={maxOccupancy}&shrinkage=0.25");
        var result = await StaffAsync(query);
        var lambda = contacts / (intervalMinutes * 60.0);
        var agents = (int)result["agents"]!;
        var reference = Reference.Solve(lambda, 1 / aht, 1 / patience, agents, target);

        Assert.Equal(lambda * aht, (double)result["trafficErlangs"]!, 6);
        // The answer is rounded to 6 decimals; the reference agrees to well within that.
        Assert.Equal(reference.ServiceLevel, (double)result["serviceLevel"]!, 2e-6);
        Assert.Equal(reference.Waiting, (double)result["probabilityOfWaiting"]!, 2e-6);
        Assert.Equal(reference.AverageSpeedOfAnswer, (double)result["averageSpeedOfAnswerSeconds"]!, 2e-5);
        Assert.Equal(reference.Abandon, (double)result["abandonRate"]!, 2e-6);
        Assert.Equal(reference.Occupancy, (double)result["occupancy"]!, 2e-6);
        Assert.Equal((int)Math.Ceiling(agents / 0.75 - 1e-9), (int)result["scheduledAgents"]!);

        // The fewest: the reference says this many meet both targets and one fewer does not.
        Assert.True(reference.ServiceLevel >= serviceLevel && reference.Occupancy <= maxOccupancy + 1e-12);
        if (agents > 1)
        {
            var fewer = Reference.Solve(lambda, 1 / aht, 1 / patience, agents - 1, target);
            Assert.True(fewer.ServiceLevel < serviceLevel || fewer.Occupancy > maxOccupancy,
                $"{agents - 1} agents would do: SL {fewer.ServiceLevel}, occupancy {fewer.Occupancy}");
        }
    }

    [Fact]
    public async Task Callers_who_hang_up_need_fewer_agents_than_Erlang_C_and_very_patient_callers_need_as_many()
    {
        const string question = "contacts=1200&intervalMinutes=30&ahtSeconds=300&serviceLevel=0.8&targetSeconds=20";
        var erlangC = await StaffAsync(question, "erlang-c");
        var impatient = await StaffAsync(question + "&patienceSeconds=30");
        Assert.True((int)impatient["agents"]! < (int)erlangC["agents"]!,
            $"Erlang A {impatient["agents"]} vs Erlang C {erlangC["agents"]}");
        Assert.InRange((double)impatient["abandonRate"]!, 0.001, 0.5);
        Assert.Equal(0, (double)erlangC["abandonRate"]!);

        // As patience grows the answer tends to Erlang C's: a day's patience is within a fraction of a percent.
        var gaps = new List<double>();
        foreach (var patience in new[] { 600, 3600, 86400 })
        {
            var r = await StaffAsync(question + $"&patienceSeconds={patience}");
            gaps.Add(Math.Abs((double)r["probabilityOfWaiting"]! - (double)erlangC["probabilityOfWaiting"]!));
            if (patience == 86400)
            {
                Assert.Equal((int)erlangC["agents"]!, (int)r["agents"]!);
                Assert.Equal((double)erlangC["serviceLevel"]!, (double)r["serviceLevel"]!, 0.005);
                Assert.Equal((double)erlangC["probabilityOfWaiting"]!, (double)r["probabilityOfWaiting"]!, 0.005);
                Assert.Equal((double)erlangC["averageSpeedOfAnswerSeconds"]!, (double)r["averageSpeedOfAnswerSeconds"]!, 0.5);
                Assert.InRange((double)r["abandonRate"]!, 0, 0.001);
            }
        }
        Assert.True(gaps[0] > gaps[1] && gaps[1] > gaps[2], string.Join(", ", gaps));
    }

    [Fact]
    public async Task Two_thousand_erlangs_answer_and_meet_the_target()
    {
        var result = await StaffAsync("contacts=6000&intervalMinutes=15&ahtSeconds=300&serviceLevel=0.8&targetSeconds=20&patienceSeconds=120&shrinkage=0.3");
        var agents = (int)result["agents"]!;
        Assert.Equal(2000.0, (double)result["trafficErlangs"]!);
        // Callers whose patience (2 min) is shorter than the handle time (5 min): an efficiency-driven queue that
        // answers 80% in time with fewer agents than erlangs, the rest hanging up.
        Assert.InRange(agents, 1600, 2100);
        Assert.InRange((double)result["serviceLevel"]!, 0.8, 1.0);
        Assert.InRange((double)result["abandonRate"]!, 0.0, 0.2);
        Assert.InRange((double)result["probabilityOfWaiting"]!, 0.0, 1.0);
        Assert.Equal((int)Math.Ceiling(agents / 0.7 - 1e-9), (int)result["scheduledAgents"]!);

        // One agent fewer misses the target: the search found the edge, not merely an answer.
        var lambda = 6000 / 900.0;
        var reference = Reference.Solve(lambda, 1 / 300.0, 1 / 120.0, agents, 20);
        Assert.Equal(reference.ServiceLevel, (double)result["serviceLevel"]!, 2e-6);
        Assert.Equal(reference.Abandon, (double)result["abandonRate"]!, 2e-6);
        var fewer = Reference.Solve(lambda, 1 / 300.0, 1 / 120.0, agents - 1, 20);
        Assert.True(fewer.ServiceLevel < 0.8, $"{agents - 1} agents answer {fewer.ServiceLevel}");
    }

    [Theory]
    [InlineData("&patienceSeconds=0")]
    [InlineData("&patienceSeconds=-5")]
    [InlineData("&patienceSeconds=86401")]
    [InlineData("")]
    public async Task Patience_must_be_given_and_positive(string patience)
    {
        using var response = await CalculateAsync("contacts=100&intervalMinutes=30&ahtSeconds=180&serviceLevel=0.8&targetSeconds=20" + patience);
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Contains(problem.ErrorFields(), f => f.Equals("patienceSeconds", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_erlang_c_rules_hold_for_erlang_a_too()
    {
        using var full = await CalculateAsync("contacts=100&intervalMinutes=30&ahtSeconds=180&serviceLevel=1&targetSeconds=20&patienceSeconds=60");
        Assert.Contains("serviceLevel", (await full.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        using var flood = await CalculateAsync("contacts=1e9&intervalMinutes=15&ahtSeconds=600&serviceLevel=0.8&targetSeconds=20&patienceSeconds=60");
        Assert.Contains("contacts", (await flood.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        using var aht = await CalculateAsync("contacts=100&intervalMinutes=30&ahtSeconds=0&serviceLevel=0.8&targetSeconds=20&patienceSeconds=60");
        await aht.ShouldBeProblem(HttpStatusCode.BadRequest);
        var none = await StaffAsync("contacts=0&intervalMinutes=15&ahtSeconds=300&serviceLevel=0.8&targetSeconds=20&patienceSeconds=60");
        Assert.Equal(0, (int)none["agents"]!);
        Assert.Equal(0, (double)none["abandonRate"]!);
    }

    [Fact]
    public async Task The_portal_calculator_shows_the_erlang_a_answer_and_its_abandon_rate()
    {
        var api = await StaffAsync("contacts=1200&intervalMinutes=30&ahtSeconds=300&serviceLevel=0.8&targetSeconds=20&shrinkage=0.3&maxOccupancy=1&patienceSeconds=30");
        using var planner = await app.CookieClientFor(DemoData.Planner);
        using var response = await planner.GetAsync($"{Pages.Demo.Staffing}?contacts=1200&intervalMinutes=30&ahtSeconds=300&serviceLevelPercent=80&targetSeconds=20&shrinkagePercent=30&maxOccupancyPercent=100&staffingModel=ErlangA&patienceSeconds=30");
        await response.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"result-agents\">{(int)api["agents"]!}<", html);
        Assert.Contains(FormattableString.Invariant($"id=\"result-abandon\">{(double)api["abandonRate"]! * 100:0.0}%<"), html);

        using var missing = await planner.GetAsync($"{Pages.Demo.Staffing}?contacts=1200&intervalMinutes=30&ahtSeconds=300&serviceLevelPercent=80&targetSeconds=20&staffingModel=ErlangA&patienceSeconds=");
        Assert.DoesNotContain("result-agents", await missing.Content.ReadAsStringAsync());
    }

    /// <summary>The reference: the chain's balance equations and each waiting caller's own chain, by plain numerics.</summary>
    private static class Reference
    {
        public sealed record Measures(double ServiceLevel, double Waiting, double AverageSpeedOfAnswer, double Abandon, double Occupancy);

        public static Measures Solve(double lambda, double mu, double theta, int n, double target)
        {
            var pi = Stationary(lambda, mu, theta, n);
            double waiting = 0, queue = 0, answeredInTime = 0;
            for (var k = 0; k < pi.Length; k++)
            {
                if (k < n)
                {
                    answeredInTime += pi[k];
                    continue;
                }
                waiting += pi[k];
                queue += (k - n) * pi[k];
                if (pi[k] > 1e-16 && target > 0) answeredInTime += pi[k] * ServedWithin(k - n, n * mu, theta, target);
            }
            var abandon = theta * queue / lambda;
            return new Measures(answeredInTime, waiting, queue / lambda, abandon, lambda * (1 - abandon) / mu / n);
        }

        /// <summary>
        /// Balance equations πQ = 0 on the chain truncated far into the queue, the last one replaced by Σπ = 1, by Gaussian
        /// elimination. The system is tridiagonal but for that last row of ones, and column-diagonally dominant, so the
        /// elimination needs no pivoting and touches only the band and the last row.
        /// </summary>
        private static double[] Stationary(double lambda, double mu, double theta, int n)
        {
            var queueCap = (int)Math.Max(60, Math.Ceiling((lambda - n * mu) / theta) + 40 * Math.Sqrt(lambda / theta) + 60);
            var size = n + queueCap + 1;
            double Down(int k) => Math.Min(k, n) * mu + Math.Max(k - n, 0) * theta;
            // Equation k: λ·π(k−1) − (λ + down(k))·π(k) + down(k+1)·π(k+1) = 0.
            var lower = new double[size];
            var diagonal = new double[size];
            var upper = new double[size];
            var rhs = new double[size];
            for (var k = 0; k < size; k++)
            {
                lower[k] = k > 0 ? lambda : 0;
                upper[k] = k + 1 < size ? Down(k + 1) : 0;
                diagonal[k] = -((k + 1 < size ? lambda : 0) + Down(k));
            }
            var last = Enumerable.Repeat(1.0, size).ToArray();
            rhs[size - 1] = 1;
            for (var col = 0; col < size - 1; col++)
            {
                // Row col holds only (col, col+1) by now: clear column col from row col+1 and from the row of ones.
                if (col + 1 < size - 1)
                {
                    var f = lower[col + 1] / diagonal[col];
                    diagonal[col + 1] -= f * upper[col];
                    rhs[col + 1] -= f * rhs[col];
                }
                var g = last[col] / diagonal[col];
                last[col + 1] -= g * upper[col];
                rhs[size - 1] -= g * rhs[col];
            }
            var pi = new double[size];
            pi[size - 1] = rhs[size - 1] / last[size - 1];
            for (var i = size - 2; i >= 0; i--) pi[i] = (rhs[i] - upper[i] * pi[i + 1]) / diagonal[i];
            return pi;
        }

        /// <summary>
        /// A caller with j ahead: from "i ahead" it moves on at rate nμ + iθ (to service from 0 ahead) and hangs up at rate θ.
        /// The chance of being served by time t, by uniformisation of that absorbing chain.
        /// </summary>
        private static double ServedWithin(int j, double nMu, double theta, double t)
        {
            // p[0..j] = callers ahead; served and abandoned are absorbing.
            var rate = nMu + (j + 1) * theta;
            var p = new double[j + 1];
            var next = new double[j + 1];
            p[j] = 1;
            double servedNow = 0, served = 0;
            var lt = rate * t;
            var logWeight = -lt; // Poisson(m; rate·t) in logs: e^(−rate·t) alone may be below double range
            for (var m = 0; m < 1_000_000; m++)
            {
                if (m > 0) logWeight += Math.Log(lt / m);
                var weight = Math.Exp(logWeight);
                served += weight * servedNow;
                if (m > lt && weight < 1e-18) break; // past the mode the weights only fall, faster than geometrically
                Array.Clear(next);
                for (var i = 0; i <= j; i++)
                {
                    var advance = (nMu + i * theta) / rate;
                    if (i == 0) servedNow += p[0] * advance;
                    else next[i - 1] += p[i] * advance;
                    next[i] += p[i] * (1 - advance - theta / rate);
                }
                (p, next) = (next, p);
            }
            return served;
        }
    }
}
