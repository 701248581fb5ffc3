// Times NTIA's reference ITM (ITM_P2P_TLS) on the cases the C# bench writes: one case a line,
// "h_tx h_rx epsilon sigma N_0 f pol climate time location situation mdvar intervals step z0 .. zn".
// Prints calls per CPU-second (CLOCK_PROCESS_CPUTIME_ID). Built by bench/itm-bench.sh.
// "itm-peer CASES check" instead prints one line a case, "rc warnings loss_bits loss" (loss_bits: the IEEE-754
// bits in hex), so the bench can compare the peer's answers with ours before it times anything.
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#if __has_include("ITS.Propagation.ITM/ITM.h")
#include "ITS.Propagation.ITM/ITM.h"
using namespace ITS::Propagation::ITM;
#else
#include "itm.h"
#endif

struct Case { double htx, hrx, eps, sigma, n0, f; int pol, climate; double time, location, situation; int mdvar; std::vector<double> pfl; };

static double cpu() { timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

int main(int argc, char** argv)
{
    if (argc < 3) { std::fprintf(stderr, "usage: itm-peer CASES SECONDS|check\n"); return 2; }
    std::ifstream in(argv[1]);
    std::vector<Case> cases;
    for (std::string line; std::getline(in, line);)
    {
        std::istringstream s(line);
        Case c;
        double intervals, step, z;
        if (!(s >> c.htx >> c.hrx >> c.eps >> c.sigma >> c.n0 >> c.f >> c.pol >> c.climate >> c.time >> c.location >> c.situation >> c.mdvar >> intervals >> step)) continue;
        c.pfl = { intervals, step };
        while (s >> z) c.pfl.push_back(z);
        cases.push_back(c);
    }
    if (cases.empty()) { std::fprintf(stderr, "no cases in %s\n", argv[1]); return 2; }
    double sink = 0, loss;
    long warnings;
    if (std::strcmp(argv[2], "check") == 0)
    {
        for (const Case& c : cases)
        {
            loss = 0;
            warnings = 0;
            const int rc = ITM_P2P_TLS(c.htx, c.hrx, c.pfl.data(), c.climate, c.n0, c.f, c.pol, c.eps, c.sigma, c.mdvar, c.time, c.location, c.situation, &loss, &warnings);
            std::uint64_t bits;
            std::memcpy(&bits, &loss, sizeof bits);
            std::printf("%d %ld %016" PRIX64 " %.17g\n", rc, warnings, bits, loss);
        }
        return 0;
    }
    const double seconds = std::atof(argv[2]);
    for (int w = 0; w < 200; w++) { const Case& c = cases[w % cases.size()]; ITM_P2P_TLS(c.htx, c.hrx, c.pfl.data(), c.climate, c.n0, c.f, c.pol, c.eps, c.sigma, c.mdvar, c.time, c.location, c.situation, &loss, &warnings); sink += loss; }
    long calls = 0;
    const double start = cpu();
    double used;
    do
    {
        for (const Case& c : cases)
        {
            loss = 0;
            ITM_P2P_TLS(c.htx, c.hrx, c.pfl.data(), c.climate, c.n0, c.f, c.pol, c.eps, c.sigma, c.mdvar, c.time, c.location, c.situation, &loss, &warnings);
            sink += loss;
        }
        calls += (long)cases.size();
        used = cpu() - start;
    } while (used < seconds);
    std::fprintf(stderr, "checksum %g\n", sink);
    std::printf("%.0f\n", calls / used);
    return 0;
}
