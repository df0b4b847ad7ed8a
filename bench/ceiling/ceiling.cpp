// The physical limit the backbone runs against (issue 13): peak fp32 FMA and int8 VNNI throughput of this CPU,
// per core and on all cores, from register-only loops (no memory traffic), so that the backbone's images/s can be
// stated as a fraction of what the silicon can do. Build and run: bench/ceiling.sh
//   fp32: vfmadd231ps zmm, 2 FLOP x 16 lanes per instruction; int8: vpdpbusd zmm, 2 ops x 64 u8*s8 pairs per instruction.
// Twelve independent accumulators hide the instructions' latency (4 cycles, 2 per cycle on Zen 5 -> 8 in flight).
#include <immintrin.h>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

static const long Iterations = 200'000'000;

__attribute__((noinline)) static float fma_loop(long iterations) {
    __m512 a[12];
    for (int i = 0; i < 12; i++) a[i] = _mm512_set1_ps(0.001f * i);
    const __m512 x = _mm512_set1_ps(0.999999f), y = _mm512_set1_ps(1e-7f);
    for (long n = 0; n < iterations; n++)
        for (int i = 0; i < 12; i++) a[i] = _mm512_fmadd_ps(a[i], x, y);
    __m512 s = a[0];
    for (int i = 1; i < 12; i++) s = _mm512_add_ps(s, a[i]);
    return _mm512_reduce_add_ps(s);
}

__attribute__((noinline)) static int vnni_loop(long iterations) {
    __m512i a[12];
    for (int i = 0; i < 12; i++) a[i] = _mm512_set1_epi32(i);
    const __m512i u = _mm512_set1_epi8(3), s8 = _mm512_set1_epi8(-1);
    for (long n = 0; n < iterations; n++)
        for (int i = 0; i < 12; i++) a[i] = _mm512_dpbusd_epi32(a[i], u, s8);
    __m512i s = a[0];
    for (int i = 1; i < 12; i++) s = _mm512_add_epi32(s, a[i]);
    return _mm512_reduce_add_epi32(s);
}

// Ops per second of `loop` run on `threads` threads at once (each ops_per_iteration x iterations).
template <typename Loop>
static double measure(Loop loop, double ops_per_iteration, int threads) {
    std::vector<std::thread> pool;
    volatile double sink = 0;
    auto start = std::chrono::steady_clock::now();
    for (int t = 0; t < threads; t++) pool.emplace_back([&] { sink = sink + loop(Iterations); });
    for (auto& t : pool) t.join();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return ops_per_iteration * Iterations * threads / seconds;
}

int main() {
    int cores = (int)std::thread::hardware_concurrency();
    for (int threads : {1, cores}) {
        double best_fma = 0, best_vnni = 0;
        for (int r = 0; r < 3; r++) {
            best_fma = std::max(best_fma, measure(fma_loop, 12.0 * 16 * 2, threads));
            best_vnni = std::max(best_vnni, measure(vnni_loop, 12.0 * 64 * 2, threads));
        }
        std::printf("{\"threads\": %d, \"fp32FmaGflops\": %.1f, \"int8VnniGops\": %.1f}\n", threads, best_fma / 1e9, best_vnni / 1e9);
    }
    return 0;
}
