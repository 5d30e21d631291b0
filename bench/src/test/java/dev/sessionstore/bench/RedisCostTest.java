package dev.sessionstore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisCostTest {
    private static final String SCRIPTED = "# Commandstats\r\n"
            + "cmdstat_evalsha:calls=100,usec=900,usec_per_call=9.00,rejected_calls=0,failed_calls=0\r\n"
            + "cmdstat_hgetall:calls=100,usec=200,usec_per_call=2.00,rejected_calls=0,failed_calls=0\r\n"
            + "cmdstat_time:calls=100,usec=50,usec_per_call=0.50,rejected_calls=0,failed_calls=0\r\n"
            + "cmdstat_config|resetstat:calls=1,usec=9000,usec_per_call=9000.00,rejected_calls=0,failed_calls=0\r\n"
            + "cmdstat_info:calls=1,usec=70,usec_per_call=70.00,rejected_calls=0,failed_calls=0\r\n";

    private static final String FCALLED = "# Commandstats\r\n"
            + "cmdstat_fcall:calls=100,usec=800,usec_per_call=8.00,rejected_calls=0,failed_calls=0\r\n"
            + "cmdstat_hgetall:calls=100,usec=200,usec_per_call=2.00,rejected_calls=0,failed_calls=0\r\n"
            + "cmdstat_info:calls=1,usec=70,usec_per_call=70.00,rejected_calls=0,failed_calls=0\r\n";

    private static final String PLAIN = "# Commandstats\r\n"
            + "cmdstat_hgetall:calls=100,usec=300,usec_per_call=3.00,rejected_calls=0,failed_calls=0\r\n"
            + "cmdstat_hset:calls=100,usec=400,usec_per_call=4.00,rejected_calls=0,failed_calls=0\r\n"
            + "cmdstat_info:calls=1,usec=70,usec_per_call=70.00,rejected_calls=0,failed_calls=0\r\n";

    @Test
    void summarize_withScripts_countsOnlyTheScriptCommands_andListsTheInnerOnes() {
        var phase = RedisCost.summarize(SCRIPTED, 5000);

        assertThat(phase.commandMicros()).isEqualTo(900);
        assertThat(phase.processMicros()).isEqualTo(5000);
        assertThat(phase.innerCalls()).isEqualTo(Map.of("hgetall", 100.0, "time", 100.0));
    }

    @Test
    void summarize_withFunctionCalls_countsOnlyFcall_andListsTheInnerOnes() {
        var phase = RedisCost.summarize(FCALLED, 4000);

        assertThat(phase.commandMicros()).isEqualTo(800);
        assertThat(phase.innerCalls()).isEqualTo(Map.of("hgetall", 100.0));
    }

    @Test
    void summarize_withoutScripts_countsEveryCommandButTheProbes() {
        var phase = RedisCost.summarize(PLAIN, Double.NaN);

        assertThat(phase.commandMicros()).isEqualTo(700);
        assertThat(phase.innerCalls()).isEmpty();
    }

    @Test
    void procStat_addsUserAndSystemTicks_evenWithSpacesInTheName() {
        String stat = "4242 (redis server) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 5 0 100 0 0";

        assertThat(RedisCost.procStatMicros(stat)).isEqualTo(3_000_000.0); // (250 + 50) ticks of 10 ms
    }

    @Test
    void ledger_dividesByOperations_andTakesMediansOverRuns() {
        CostLedger ledger = new CostLedger();
        ledger.add("redis-store", Op.TOUCH, 16, new RedisCost.Phase(1000, 2000, Map.of("time", 100.0)), 100);
        ledger.add("redis-store", Op.TOUCH, 16, new RedisCost.Phase(3000, 4000, Map.of("time", 200.0)), 100);
        ledger.add("redis-store", Op.TOUCH, 16, new RedisCost.Phase(500, 900, Map.of("time", 50.0)), 50);

        var c = ledger.costs(List.of("redis-store"), List.of(16)).getFirst();

        assertThat(c.commandMicros()).isEqualTo(10.0); // 10, 30, 10 µs per operation
        assertThat(c.processMicros()).isEqualTo(20.0); // 20, 40, 18
        assertThat(c.innerCalls()).isEqualTo(Map.of("time", 1.0));
    }
}
