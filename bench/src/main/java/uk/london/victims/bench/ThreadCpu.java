package uk.london.victims.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPU time the service's threads spent over a phase, by what they work for: each event processor (its
 * coordinator and work packages), the embedded store (its wire workers, committer and housekeeping), and the rest.
 * Divided by the events of the phase, it is a processor's cost per event, which does not move with the machine's
 * load as a lag's p99 does (BENCHMARKS.md, twenty-third session). A thread that ends during the phase takes its time
 * with it; the pools measured here live as long as the service.
 */
final class ThreadCpu {

    private static final Pattern PROCESSOR = Pattern.compile("(?:WorkPackage|Coordinator)\\[([^\\]]+)\\]");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> before;

    private ThreadCpu() {
        before = cpuByThread();
    }

    static ThreadCpu start() {
        return new ThreadCpu();
    }

    /** Since the start, CPU ms per group of threads. */
    Map<String, Double> msByGroup() {
        Map<String, Double> ms = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            long now = threads.getThreadCpuTime(id);
            ThreadInfo info = threads.getThreadInfo(id);
            if (now < 0 || info == null) {
                continue;
            }
            long spent = now - before.getOrDefault(id, 0L);
            ms.merge(group(info.getThreadName()), spent / 1e6, Double::sum);
        }
        return ms;
    }

    static String group(String threadName) {
        Matcher processor = PROCESSOR.matcher(threadName);
        if (processor.find()) {
            return "processor." + processor.group(1);
        }
        if (threadName.startsWith("mongo-server-worker") || threadName.startsWith("embedded-store")) {
            return "store";
        }
        return "other";
    }

    private Map<Long, Long> cpuByThread() {
        Map<Long, Long> cpu = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }
}
