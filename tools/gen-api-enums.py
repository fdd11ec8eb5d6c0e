#!/usr/bin/env python3
"""Writes jvirt's API enums and constants from libvirt's API description (../shared/libvirt-api/).

The numbers travel on the wire, so they are taken from the data, never typed by hand. Run it from the
project's root after changing SPECS; the generated files are committed and carry a header saying so.

  python3 tools/gen-api-enums.py [path/to/libvirt-api folder]

Besides the enums of SPECS it writes two constant classes: TypedParamFields (the names of typed parameter
fields, from libvirt's string macros) and VirConstants (the numeric macros and one-value enums in CONSTANTS).
"""
import os
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
API = os.path.join(ROOT, "bundles/api/src/main/java/org/jvirt/api")

# (java package suffix, java name, libvirt enum type, prefix to strip (None: the constants' common prefix), kind, doc)
#   kind "enum": a value enum (VirEnum); "flag": a bit flag (VirFlag)
# A sixth optional element names the description file when it is not libvirt-api.xml.
SPECS = [
    # ---- errors, connections, credentials
    ("", "ErrorCode", "virErrorNumber", ("VIR_ERR_", "VIR_"), "enum", "libvirt's error numbers (virErrorNumber)."),
    ("", "ErrorDomain", "virErrorDomain", "VIR_FROM_", "enum", "Where an error comes from (virErrorDomain)."),
    ("", "ErrorLevel", "virErrorLevel", "VIR_ERR_", "enum", "How serious an error is (virErrorLevel)."),
    ("", "ConnectFlag", "virConnectFlags", "VIR_CONNECT_", "flag", "Flags of virConnectOpenAuth."),
    ("", "CloseReason", "virConnectCloseReason", "VIR_CONNECT_CLOSE_REASON_", "enum",
     "Why a connection was closed (virConnectCloseReason)."),
    ("", "CredentialType", "virConnectCredentialType", "VIR_CRED_", "enum",
     "The kinds of credential an authentication callback may be asked for."),
    # ---- host
    ("", "CpuCompareResult", "virCPUCompareResult", "VIR_CPU_COMPARE_", "enum",
     "How a CPU description compares with the host's (virCPUCompareResult)."),
    ("", "CompareCPUFlag", "virConnectCompareCPUFlags", None, "flag",
     "Flags of virConnectCompareCPU and virConnectCompareHypervisorCPU."),
    ("", "BaselineCPUFlag", "virConnectBaselineCPUFlags", None, "flag",
     "Flags of virConnectBaselineCPU and virConnectBaselineHypervisorCPU."),
    ("", "NodeSuspendTarget", "virNodeSuspendTarget", None, "enum",
     "The sleep states a host or guest can be suspended to (virNodeSuspendTarget)."),
    ("", "NodeAllocPagesFlag", "virNodeAllocPagesFlags", None, "flag", "Flags of virNodeAllocPages."),
    ("", "TypedParameterType", "virTypedParameterType", "VIR_TYPED_PARAM_", "enum",
     "The type of a typed parameter's value (virTypedParameterType)."),
    # ---- listing filters
    ("", "ListDomainsFlag", "virConnectListAllDomainsFlags", "VIR_CONNECT_LIST_DOMAINS_", "flag",
     "Filters of virConnectListAllDomains."),
    ("", "ListNetworksFlag", "virConnectListAllNetworksFlags", None, "flag", "Filters of virConnectListAllNetworks."),
    ("", "ListStoragePoolsFlag", "virConnectListAllStoragePoolsFlags", None, "flag",
     "Filters of virConnectListAllStoragePools."),
    ("", "ListNodeDevicesFlag", "virConnectListAllNodeDeviceFlags", None, "flag",
     "Filters of virConnectListAllNodeDevices."),
    ("", "ListInterfacesFlag", "virConnectListAllInterfacesFlags", None, "flag",
     "Filters of virConnectListAllInterfaces."),
    ("", "ListSecretsFlag", "virConnectListAllSecretsFlags", None, "flag", "Filters of virConnectListAllSecrets."),
    ("", "GetAllDomainStatsFlag", "virConnectGetAllDomainStatsFlags", None, "flag",
     "Flags of virConnectGetAllDomainStats and virDomainListGetStats."),
    ("", "DomainStatsType", "virDomainStatsTypes", None, "flag",
     "The groups of statistics virConnectGetAllDomainStats returns (virDomainStatsTypes)."),
    # ---- domain states
    ("", "DomainState", "virDomainState", "VIR_DOMAIN_", "enum", "A domain's state (virDomainState)."),
    ("", "NostateReason", "virDomainNostateReason", "VIR_DOMAIN_NOSTATE_", "enum", "Reasons for NOSTATE."),
    ("", "RunningReason", "virDomainRunningReason", "VIR_DOMAIN_RUNNING_", "enum", "Reasons for RUNNING."),
    ("", "BlockedReason", "virDomainBlockedReason", "VIR_DOMAIN_BLOCKED_", "enum", "Reasons for BLOCKED."),
    ("", "PausedReason", "virDomainPausedReason", "VIR_DOMAIN_PAUSED_", "enum", "Reasons for PAUSED."),
    ("", "ShutdownReason", "virDomainShutdownReason", "VIR_DOMAIN_SHUTDOWN_", "enum", "Reasons for SHUTDOWN."),
    ("", "ShutoffReason", "virDomainShutoffReason", "VIR_DOMAIN_SHUTOFF_", "enum", "Reasons for SHUTOFF."),
    ("", "CrashedReason", "virDomainCrashedReason", "VIR_DOMAIN_CRASHED_", "enum", "Reasons for CRASHED."),
    ("", "PMSuspendedReason", "virDomainPMSuspendedReason", "VIR_DOMAIN_PMSUSPENDED_", "enum",
     "Reasons for PMSUSPENDED."),
    ("", "PMSuspendedDiskReason", "virDomainPMSuspendedDiskReason", "VIR_DOMAIN_PMSUSPENDED_DISK_", "enum",
     "Reasons for a domain suspended to disk."),
    ("", "DomainControlState", "virDomainControlState", "VIR_DOMAIN_CONTROL_", "enum",
     "The state of the channel to a domain's hypervisor process (virDomainControlState)."),
    ("", "DomainControlErrorReason", "virDomainControlErrorReason", None, "enum",
     "Why a domain's control channel is in ERROR (virDomainControlErrorReason)."),
    ("", "VcpuState", "virVcpuState", "VIR_VCPU_", "enum", "A virtual CPU's state (virVcpuState)."),
    ("", "VcpuHostCpuState", "virVcpuHostCpuState", None, "enum",
     "The host CPU a virtual CPU runs on, when it is not a CPU number (virVcpuHostCpuState)."),
    # ---- domain lifecycle flags
    ("", "DomainXMLFlag", "virDomainXMLFlags", "VIR_DOMAIN_XML_", "flag", "Flags of virDomainGetXMLDesc."),
    ("", "DomainDefineFlag", "virDomainDefineFlags", "VIR_DOMAIN_DEFINE_", "flag",
     "Flags of virDomainDefineXMLFlags."),
    ("", "DomainCreateFlag", "virDomainCreateFlags", "VIR_DOMAIN_", "flag",
     "Flags of virDomainCreateWithFlags and virDomainCreateXML."),
    ("", "DomainUndefineFlag", "virDomainUndefineFlagsValues", "VIR_DOMAIN_UNDEFINE_", "flag",
     "Flags of virDomainUndefineFlags."),
    ("", "DomainShutdownFlag", "virDomainShutdownFlagValues", "VIR_DOMAIN_SHUTDOWN_", "flag",
     "Flags of virDomainShutdownFlags: the methods a guest may be asked to shut down with."),
    ("", "DomainRebootFlag", "virDomainRebootFlagValues", "VIR_DOMAIN_REBOOT_", "flag",
     "Flags of virDomainReboot."),
    ("", "DomainDestroyFlag", "virDomainDestroyFlagsValues", "VIR_DOMAIN_DESTROY_", "flag",
     "Flags of virDomainDestroyFlags."),
    ("", "DomainMessageType", "virDomainMessageType", "VIR_DOMAIN_MESSAGE_", "flag",
     "Which messages virDomainGetMessages returns: tainting, deprecations, or (none given) all."),
    ("", "DomainAffect", "virDomainModificationImpact", "VIR_DOMAIN_AFFECT_", "flag",
     "Which definition a change or query affects: the running domain (LIVE), the persistent one (CONFIG), "
     "or (none given, CURRENT) whichever the domain's state implies (virDomainModificationImpact)."),
    ("", "DomainDeviceModifyFlag", "virDomainDeviceModifyFlags", "VIR_DOMAIN_DEVICE_MODIFY_", "flag",
     "Flags of virDomainAttachDeviceFlags, virDomainDetachDeviceFlags, virDomainUpdateDeviceFlags."),
    ("", "DomainVcpuFlag", "virDomainVcpuFlags", "VIR_DOMAIN_VCPU_", "flag",
     "Flags of virDomainSetVcpusFlags and virDomainGetVcpusFlags."),
    ("", "DomainMemoryModFlag", "virDomainMemoryModFlags", "VIR_DOMAIN_MEM_", "flag",
     "Flags of virDomainSetMemoryFlags and virDomainSetMemoryStatsPeriod."),
    ("", "DomainMemoryFlag", "virDomainMemoryFlags", "VIR_MEMORY_", "flag", "Flags of virDomainMemoryPeek."),
    ("", "DomainMemoryStatTag", "virDomainMemoryStatTags", "VIR_DOMAIN_MEMORY_STAT_", "enum",
     "What a memory statistic measures (virDomainMemoryStatTags)."),
    ("", "DomainSaveRestoreFlag", "virDomainSaveRestoreFlags", "VIR_DOMAIN_SAVE_", "flag",
     "Flags of saving, restoring and managed save (virDomainSaveRestoreFlags)."),
    ("", "DomainSaveImageXMLFlag", "virDomainSaveImageXMLFlags", "VIR_DOMAIN_SAVE_IMAGE_XML_", "flag",
     "Flags of virDomainSaveImageGetXMLDesc and virDomainManagedSaveGetXMLDesc."),
    ("", "DomainCoreDumpFlag", "virDomainCoreDumpFlags", "VIR_DUMP_", "flag",
     "Flags of virDomainCoreDump and virDomainCoreDumpWithFormat."),
    ("", "DomainCoreDumpFormat", "virDomainCoreDumpFormat", "VIR_DOMAIN_CORE_DUMP_FORMAT_", "enum",
     "Formats of virDomainCoreDumpWithFormat."),
    ("", "DomainLifecycle", "virDomainLifecycle", "VIR_DOMAIN_LIFECYCLE_", "enum",
     "The events a lifecycle action answers (virDomainLifecycle)."),
    ("", "DomainLifecycleAction", "virDomainLifecycleAction", "VIR_DOMAIN_LIFECYCLE_ACTION_", "enum",
     "What a domain does on a lifecycle event (virDomainLifecycleAction)."),
    ("", "DomainMetadataType", "virDomainMetadataType", "VIR_DOMAIN_METADATA_", "enum",
     "Kinds of domain metadata (virDomainMetadataType)."),
    ("", "DomainProcessSignal", "virDomainProcessSignal", "VIR_DOMAIN_PROCESS_SIGNAL_", "enum",
     "Signals virDomainSendProcessSignal can send (virDomainProcessSignal)."),
    ("", "KeycodeSet", "virKeycodeSet", "VIR_KEYCODE_SET_", "enum", "Key code sets of virDomainSendKey."),
    ("", "DomainNumatuneMemMode", "virDomainNumatuneMemMode", "VIR_DOMAIN_NUMATUNE_MEM_", "enum",
     "NUMA memory modes of the numa_mode parameter (virDomainNumatuneMemMode)."),
    ("", "DomainAgentResponseTimeout", "virDomainAgentResponseTimeoutValues",
     "VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_", "enum", "Special values of virDomainAgentSetResponseTimeout."),
    ("", "DomainGetHostnameFlag", "virDomainGetHostnameFlags", "VIR_DOMAIN_GET_HOSTNAME_", "flag",
     "Where virDomainGetHostname looks for the name."),
    ("", "DomainInterfaceAddressesSource", "virDomainInterfaceAddressesSource",
     "VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_", "enum", "Where virDomainInterfaceAddresses looks for addresses."),
    ("", "IPAddrType", "virIPAddrType", "VIR_IP_ADDR_TYPE_", "enum", "IP address families (virIPAddrType)."),
    ("", "DomainGuestInfoType", "virDomainGuestInfoTypes", "VIR_DOMAIN_GUEST_INFO_", "flag",
     "The groups of information virDomainGetGuestInfo returns (virDomainGuestInfoTypes)."),
    ("", "DomainSetTimeFlag", "virDomainSetTimeFlags", "VIR_DOMAIN_TIME_", "flag", "Flags of virDomainSetTime."),
    ("", "DomainSetUserPasswordFlag", "virDomainSetUserPasswordFlags", "VIR_DOMAIN_PASSWORD_", "flag",
     "Flags of virDomainSetUserPassword."),
    ("", "DomainAuthorizedSSHKeysSetFlag", "virDomainAuthorizedSSHKeysSetFlags",
     "VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_", "flag", "Flags of virDomainAuthorizedSSHKeysSet."),
    ("", "DomainDiskErrorCode", "virDomainDiskErrorCode", "VIR_DOMAIN_DISK_ERROR_", "enum",
     "What went wrong on a disk (virDomainDiskErrorCode)."),
    ("", "DomainConsoleFlag", "virDomainConsoleFlags", "VIR_DOMAIN_CONSOLE_", "flag",
     "Flags of virDomainOpenConsole."),
    ("", "DomainChannelFlag", "virDomainChannelFlags", "VIR_DOMAIN_CHANNEL_", "flag",
     "Flags of virDomainOpenChannel."),
    ("", "DomainDirtyRateCalcFlag", "virDomainDirtyRateCalcFlags", "VIR_DOMAIN_DIRTYRATE_MODE_", "flag",
     "Flags of virDomainStartDirtyRateCalc: the way dirty pages are counted."),
    ("", "DomainDirtyRateStatus", "virDomainDirtyRateStatus", "VIR_DOMAIN_DIRTYRATE_", "enum",
     "Where a dirty rate calculation stands (virDomainDirtyRateStatus)."),
    # ---- jobs, block jobs, backup, migration
    ("", "DomainJobType", "virDomainJobType", "VIR_DOMAIN_JOB_", "enum", "Kinds of domain job (virDomainJobType)."),
    ("", "DomainJobOperation", "virDomainJobOperation", "VIR_DOMAIN_JOB_OPERATION_", "enum",
     "The operation a domain job performs (virDomainJobOperation)."),
    ("", "DomainGetJobStatsFlag", "virDomainGetJobStatsFlags", "VIR_DOMAIN_JOB_STATS_", "flag",
     "Flags of virDomainGetJobStats."),
    ("", "DomainAbortJobFlag", "virDomainAbortJobFlagsValues", "VIR_DOMAIN_ABORT_JOB_", "flag",
     "Flags of virDomainAbortJobFlags."),
    ("", "DomainBlockJobType", "virDomainBlockJobType", "VIR_DOMAIN_BLOCK_JOB_TYPE_", "enum",
     "Kinds of block job (virDomainBlockJobType)."),
    ("", "DomainBlockJobAbortFlag", "virDomainBlockJobAbortFlags", "VIR_DOMAIN_BLOCK_JOB_ABORT_", "flag",
     "Flags of virDomainBlockJobAbort."),
    ("", "DomainBlockJobInfoFlag", "virDomainBlockJobInfoFlags", "VIR_DOMAIN_BLOCK_JOB_INFO_", "flag",
     "Flags of virDomainGetBlockJobInfo."),
    ("", "DomainBlockJobSetSpeedFlag", "virDomainBlockJobSetSpeedFlags", "VIR_DOMAIN_BLOCK_JOB_SPEED_", "flag",
     "Flags of virDomainBlockJobSetSpeed."),
    ("", "DomainBlockPullFlag", "virDomainBlockPullFlags", "VIR_DOMAIN_BLOCK_PULL_", "flag",
     "Flags of virDomainBlockPull."),
    ("", "DomainBlockRebaseFlag", "virDomainBlockRebaseFlags", "VIR_DOMAIN_BLOCK_REBASE_", "flag",
     "Flags of virDomainBlockRebase."),
    ("", "DomainBlockCopyFlag", "virDomainBlockCopyFlags", "VIR_DOMAIN_BLOCK_COPY_", "flag",
     "Flags of virDomainBlockCopy."),
    ("", "DomainBlockCommitFlag", "virDomainBlockCommitFlags", "VIR_DOMAIN_BLOCK_COMMIT_", "flag",
     "Flags of virDomainBlockCommit."),
    ("", "DomainBlockResizeFlag", "virDomainBlockResizeFlags", "VIR_DOMAIN_BLOCK_RESIZE_", "flag",
     "Flags of virDomainBlockResize."),
    ("", "DomainBackupBeginFlag", "virDomainBackupBeginFlags", "VIR_DOMAIN_BACKUP_BEGIN_", "flag",
     "Flags of virDomainBackupBegin."),
    ("", "DomainMigrateFlag", "virDomainMigrateFlags", "VIR_MIGRATE_", "flag",
     "Flags of the migration functions (virDomainMigrateFlags)."),
    ("", "DomainMigrateMaxSpeedFlag", "virDomainMigrateMaxSpeedFlags", "VIR_DOMAIN_MIGRATE_MAX_SPEED_", "flag",
     "Flags of virDomainMigrateSetMaxSpeed and virDomainMigrateGetMaxSpeed."),
    # ---- snapshots and checkpoints
    ("", "DomainSnapshotCreateFlag", "virDomainSnapshotCreateFlags", "VIR_DOMAIN_SNAPSHOT_CREATE_", "flag",
     "Flags of virDomainSnapshotCreateXML."),
    ("", "DomainSnapshotDeleteFlag", "virDomainSnapshotDeleteFlags", "VIR_DOMAIN_SNAPSHOT_DELETE_", "flag",
     "Flags of virDomainSnapshotDelete."),
    ("", "DomainSnapshotListFlag", "virDomainSnapshotListFlags", "VIR_DOMAIN_SNAPSHOT_LIST_", "flag",
     "Filters of the snapshot listing functions."),
    ("", "DomainSnapshotRevertFlag", "virDomainSnapshotRevertFlags", "VIR_DOMAIN_SNAPSHOT_REVERT_", "flag",
     "Flags of virDomainRevertToSnapshot."),
    ("", "DomainSnapshotXMLFlag", "virDomainSnapshotXMLFlags", "VIR_DOMAIN_SNAPSHOT_XML_", "flag",
     "Flags of virDomainSnapshotGetXMLDesc."),
    ("", "DomainCheckpointCreateFlag", "virDomainCheckpointCreateFlags", "VIR_DOMAIN_CHECKPOINT_CREATE_", "flag",
     "Flags of virDomainCheckpointCreateXML."),
    ("", "DomainCheckpointDeleteFlag", "virDomainCheckpointDeleteFlags", "VIR_DOMAIN_CHECKPOINT_DELETE_", "flag",
     "Flags of virDomainCheckpointDelete."),
    ("", "DomainCheckpointListFlag", "virDomainCheckpointListFlags", "VIR_DOMAIN_CHECKPOINT_LIST_", "flag",
     "Filters of the checkpoint listing functions."),
    ("", "DomainCheckpointXMLFlag", "virDomainCheckpointXMLFlags", "VIR_DOMAIN_CHECKPOINT_XML_", "flag",
     "Flags of virDomainCheckpointGetXMLDesc."),
    # ---- networks
    ("", "NetworkXMLFlag", "virNetworkXMLFlags", "VIR_NETWORK_XML_", "flag", "Flags of virNetworkGetXMLDesc."),
    ("", "NetworkCreateFlag", "virNetworkCreateFlags", "VIR_NETWORK_CREATE_", "flag",
     "Flags of virNetworkCreateXMLFlags."),
    ("", "NetworkDefineFlag", "virNetworkDefineFlags", "VIR_NETWORK_DEFINE_", "flag",
     "Flags of virNetworkDefineXMLFlags."),
    ("", "NetworkUpdateCommand", "virNetworkUpdateCommand", "VIR_NETWORK_UPDATE_COMMAND_", "enum",
     "What virNetworkUpdate does with the XML it is given."),
    ("", "NetworkUpdateSection", "virNetworkUpdateSection", "VIR_NETWORK_SECTION_", "enum",
     "Which part of a network virNetworkUpdate changes."),
    ("", "NetworkUpdateFlag", "virNetworkUpdateFlags", "VIR_NETWORK_UPDATE_AFFECT_", "flag",
     "Flags of virNetworkUpdate: the running network, the persistent one, or the current."),
    ("", "NetworkPortCreateFlag", "virNetworkPortCreateFlags", "VIR_NETWORK_PORT_CREATE_", "flag",
     "Flags of virNetworkPortCreateXML."),
    # ---- storage
    ("", "StoragePoolState", "virStoragePoolState", "VIR_STORAGE_POOL_", "enum",
     "A storage pool's state (virStoragePoolState)."),
    ("", "StoragePoolBuildFlag", "virStoragePoolBuildFlags", "VIR_STORAGE_POOL_BUILD_", "flag",
     "Flags of virStoragePoolBuild."),
    ("", "StoragePoolCreateFlag", "virStoragePoolCreateFlags", "VIR_STORAGE_POOL_CREATE_", "flag",
     "Flags of virStoragePoolCreate and virStoragePoolCreateXML."),
    ("", "StoragePoolDefineFlag", "virStoragePoolDefineFlags", "VIR_STORAGE_POOL_DEFINE_", "flag",
     "Flags of virStoragePoolDefineXML."),
    ("", "StoragePoolDeleteFlag", "virStoragePoolDeleteFlags", "VIR_STORAGE_POOL_DELETE_", "flag",
     "Flags of virStoragePoolDelete."),
    ("", "StorageXMLFlag", "virStorageXMLFlags", "VIR_STORAGE_XML_", "flag", "Flags of virStoragePoolGetXMLDesc."),
    ("", "StorageVolType", "virStorageVolType", "VIR_STORAGE_VOL_", "enum",
     "What a storage volume is (virStorageVolType)."),
    ("", "StorageVolCreateFlag", "virStorageVolCreateFlags", "VIR_STORAGE_VOL_CREATE_", "flag",
     "Flags of virStorageVolCreateXML and virStorageVolCreateXMLFrom."),
    ("", "StorageVolDeleteFlag", "virStorageVolDeleteFlags", "VIR_STORAGE_VOL_DELETE_", "flag",
     "Flags of virStorageVolDelete."),
    ("", "StorageVolResizeFlag", "virStorageVolResizeFlags", "VIR_STORAGE_VOL_RESIZE_", "flag",
     "Flags of virStorageVolResize."),
    ("", "StorageVolInfoFlag", "virStorageVolInfoFlags", "VIR_STORAGE_VOL_", "flag",
     "Flags of virStorageVolGetInfoFlags."),
    ("", "StorageVolUploadFlag", "virStorageVolUploadFlags", "VIR_STORAGE_VOL_UPLOAD_", "flag",
     "Flags of virStorageVolUpload."),
    ("", "StorageVolDownloadFlag", "virStorageVolDownloadFlags", "VIR_STORAGE_VOL_DOWNLOAD_", "flag",
     "Flags of virStorageVolDownload."),
    ("", "StorageVolWipeAlgorithm", "virStorageVolWipeAlgorithm", "VIR_STORAGE_VOL_WIPE_ALG_", "enum",
     "The patterns virStorageVolWipePattern can write."),
    # ---- node devices, interfaces, filters, secrets
    ("", "NodeDeviceCreateXMLFlag", "virNodeDeviceCreateXMLFlags", "VIR_NODE_DEVICE_CREATE_XML_", "flag",
     "Flags of virNodeDeviceCreateXML."),
    ("", "NodeDeviceDefineXMLFlag", "virNodeDeviceDefineXMLFlags", "VIR_NODE_DEVICE_DEFINE_XML_", "flag",
     "Flags of virNodeDeviceDefineXML."),
    ("", "InterfaceXMLFlag", "virInterfaceXMLFlags", "VIR_INTERFACE_XML_", "flag",
     "Flags of virInterfaceGetXMLDesc."),
    ("", "InterfaceDefineFlag", "virInterfaceDefineFlags", "VIR_INTERFACE_DEFINE_", "flag",
     "Flags of virInterfaceDefineXML."),
    ("", "NWFilterDefineFlag", "virNWFilterDefineFlags", "VIR_NWFILTER_DEFINE_", "flag",
     "Flags of virNWFilterDefineXMLFlags."),
    ("", "NWFilterBindingCreateFlag", "virNWFilterBindingCreateFlags", "VIR_NWFILTER_BINDING_CREATE_", "flag",
     "Flags of virNWFilterBindingCreateXML."),
    ("", "SecretUsageType", "virSecretUsageType", "VIR_SECRET_USAGE_TYPE_", "enum",
     "What a secret is used for (virSecretUsageType)."),
    ("", "SecretDefineFlag", "virSecretDefineFlags", "VIR_SECRET_DEFINE_", "flag", "Flags of virSecretDefineXML."),
    # ---- streams
    ("", "StreamFlag", "virStreamFlags", "VIR_STREAM_", "flag", "Flags of virStreamNew."),
    ("", "StreamRecvFlag", "virStreamRecvFlagsValues", "VIR_STREAM_RECV_", "flag", "Flags of virStreamRecvFlags."),
    ("", "StreamEventType", "virStreamEventType", "VIR_STREAM_EVENT_", "flag",
     "The conditions a stream event callback is told about (virStreamEventType)."),
    # ---- events
    ("event", "DomainEventId", "virDomainEventID", "VIR_DOMAIN_EVENT_ID_", "enum",
     "The kinds of domain event one can subscribe to (virDomainEventID)."),
    ("event", "LifecycleEventType", "virDomainEventType", "VIR_DOMAIN_EVENT_", "enum",
     "What a lifecycle event reports (virDomainEventType)."),
    ("event", "DefinedDetail", "virDomainEventDefinedDetailType", "VIR_DOMAIN_EVENT_DEFINED_", "enum",
     "Details of a DEFINED lifecycle event."),
    ("event", "UndefinedDetail", "virDomainEventUndefinedDetailType", "VIR_DOMAIN_EVENT_UNDEFINED_", "enum",
     "Details of an UNDEFINED lifecycle event."),
    ("event", "StartedDetail", "virDomainEventStartedDetailType", "VIR_DOMAIN_EVENT_STARTED_", "enum",
     "Details of a STARTED lifecycle event."),
    ("event", "SuspendedDetail", "virDomainEventSuspendedDetailType", "VIR_DOMAIN_EVENT_SUSPENDED_", "enum",
     "Details of a SUSPENDED lifecycle event."),
    ("event", "ResumedDetail", "virDomainEventResumedDetailType", "VIR_DOMAIN_EVENT_RESUMED_", "enum",
     "Details of a RESUMED lifecycle event."),
    ("event", "StoppedDetail", "virDomainEventStoppedDetailType", "VIR_DOMAIN_EVENT_STOPPED_", "enum",
     "Details of a STOPPED lifecycle event."),
    ("event", "ShutdownDetail", "virDomainEventShutdownDetailType", "VIR_DOMAIN_EVENT_SHUTDOWN_", "enum",
     "Details of a SHUTDOWN lifecycle event."),
    ("event", "PMSuspendedDetail", "virDomainEventPMSuspendedDetailType", "VIR_DOMAIN_EVENT_PMSUSPENDED_", "enum",
     "Details of a PMSUSPENDED lifecycle event."),
    ("event", "CrashedDetail", "virDomainEventCrashedDetailType", "VIR_DOMAIN_EVENT_CRASHED_", "enum",
     "Details of a CRASHED lifecycle event."),
    ("event", "WatchdogAction", "virDomainEventWatchdogAction", "VIR_DOMAIN_EVENT_WATCHDOG_", "enum",
     "What a guest's watchdog did (virDomainEventWatchdogAction)."),
    ("event", "IOErrorAction", "virDomainEventIOErrorAction", "VIR_DOMAIN_EVENT_IO_ERROR_", "enum",
     "What the hypervisor did on a disk I/O error (virDomainEventIOErrorAction)."),
    ("event", "GraphicsPhase", "virDomainEventGraphicsPhase", "VIR_DOMAIN_EVENT_GRAPHICS_", "enum",
     "The stage of a graphics client's connection (virDomainEventGraphicsPhase)."),
    ("event", "GraphicsAddressType", "virDomainEventGraphicsAddressType", "VIR_DOMAIN_EVENT_GRAPHICS_ADDRESS_",
     "enum", "Address families of graphics events (virDomainEventGraphicsAddressType)."),
    ("event", "BlockJobStatus", "virConnectDomainEventBlockJobStatus", "VIR_DOMAIN_BLOCK_JOB_", "enum",
     "How a block job ended, or that it is ready (virConnectDomainEventBlockJobStatus)."),
    ("event", "DiskChangeReason", "virConnectDomainEventDiskChangeReason", "VIR_DOMAIN_EVENT_DISK_", "enum",
     "Why a disk's medium changed (virConnectDomainEventDiskChangeReason)."),
    ("event", "TrayChangeReason", "virDomainEventTrayChangeReason", "VIR_DOMAIN_EVENT_TRAY_CHANGE_", "enum",
     "Whether a removable disk's tray opened or closed."),
    ("event", "AgentLifecycleState", "virConnectDomainEventAgentLifecycleState",
     "VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_", "enum", "Whether the guest agent connected."),
    ("event", "AgentLifecycleReason", "virConnectDomainEventAgentLifecycleReason",
     "VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_REASON_", "enum", "Why the guest agent's state changed."),
    ("event", "MemoryFailureRecipientType", "virDomainMemoryFailureRecipientType",
     "VIR_DOMAIN_EVENT_MEMORY_FAILURE_RECIPIENT_", "enum", "Who a memory failure was reported to."),
    ("event", "MemoryFailureActionType", "virDomainMemoryFailureActionType",
     "VIR_DOMAIN_EVENT_MEMORY_FAILURE_ACTION_", "enum", "What was done about a memory failure."),
    ("event", "MemoryFailureFlag", "virDomainMemoryFailureFlags", "VIR_DOMAIN_MEMORY_FAILURE_", "flag",
     "Flags of a memory failure event."),
    ("event", "NetworkEventId", "virNetworkEventID", "VIR_NETWORK_EVENT_ID_", "enum",
     "The kinds of network event one can subscribe to (virNetworkEventID)."),
    ("event", "NetworkLifecycleType", "virNetworkEventLifecycleType", "VIR_NETWORK_EVENT_", "enum",
     "What a network lifecycle event reports."),
    ("event", "StoragePoolEventId", "virStoragePoolEventID", "VIR_STORAGE_POOL_EVENT_ID_", "enum",
     "The kinds of storage pool event one can subscribe to (virStoragePoolEventID)."),
    ("event", "StoragePoolLifecycleType", "virStoragePoolEventLifecycleType", "VIR_STORAGE_POOL_EVENT_", "enum",
     "What a storage pool lifecycle event reports."),
    ("event", "NodeDeviceEventId", "virNodeDeviceEventID", "VIR_NODE_DEVICE_EVENT_ID_", "enum",
     "The kinds of node device event one can subscribe to (virNodeDeviceEventID)."),
    ("event", "NodeDeviceLifecycleType", "virNodeDeviceEventLifecycleType", "VIR_NODE_DEVICE_EVENT_", "enum",
     "What a node device lifecycle event reports."),
    ("event", "SecretEventId", "virSecretEventID", "VIR_SECRET_EVENT_ID_", "enum",
     "The kinds of secret event one can subscribe to (virSecretEventID)."),
    ("event", "SecretLifecycleType", "virSecretEventLifecycleType", "VIR_SECRET_EVENT_", "enum",
     "What a secret lifecycle event reports."),
    # ---- QEMU (libvirt-qemu)
    ("qemu", "QemuMonitorCommandFlag", "virDomainQemuMonitorCommandFlags", "VIR_DOMAIN_QEMU_MONITOR_COMMAND_",
     "flag", "Flags of virDomainQemuMonitorCommand.", "libvirt-qemu-api.xml"),
    ("qemu", "QemuAgentCommandTimeout", "virDomainQemuAgentCommandTimeoutValues",
     "VIR_DOMAIN_QEMU_AGENT_COMMAND_", "enum", "Special timeouts of virDomainQemuAgentCommand.",
     "libvirt-qemu-api.xml"),
    ("qemu", "QemuMonitorEventRegisterFlag", "virConnectDomainQemuMonitorEventRegisterFlags",
     "VIR_CONNECT_DOMAIN_QEMU_MONITOR_EVENT_REGISTER_", "flag",
     "Flags of virConnectDomainQemuMonitorEventRegister: how the event name is matched.", "libvirt-qemu-api.xml"),
]

# numeric constants for VirConstants: (java name, C name); C names are macros or one-value enum constants
CONSTANTS = [
    ("NODE_CPU_STATS_ALL_CPUS", "VIR_NODE_CPU_STATS_ALL_CPUS"),
    ("NODE_MEMORY_STATS_ALL_CELLS", "VIR_NODE_MEMORY_STATS_ALL_CELLS"),
    ("DOMAIN_SEND_KEY_MAX_KEYS", "VIR_DOMAIN_SEND_KEY_MAX_KEYS"),
    ("DOMAIN_MEMORY_PARAM_UNLIMITED", "VIR_DOMAIN_MEMORY_PARAM_UNLIMITED"),
    ("TYPED_PARAM_FIELD_LENGTH", "VIR_TYPED_PARAM_FIELD_LENGTH"),
    ("NODE_CPU_STATS_FIELD_LENGTH", "VIR_NODE_CPU_STATS_FIELD_LENGTH"),
    ("NODE_MEMORY_STATS_FIELD_LENGTH", "VIR_NODE_MEMORY_STATS_FIELD_LENGTH"),
    ("UUID_BUFLEN", "VIR_UUID_BUFLEN"),
    ("SECURITY_LABEL_BUFLEN", "VIR_SECURITY_LABEL_BUFLEN"),
    ("SECURITY_MODEL_BUFLEN", "VIR_SECURITY_MODEL_BUFLEN"),
    ("SECURITY_DOI_BUFLEN", "VIR_SECURITY_DOI_BUFLEN"),
]

# constants that only bound an enum in C
SKIP_SUFFIX = ("_LAST",)
# values that C spells twice; the Java enum keeps the first name
ALIASES = {"VIR_ERR_DOMAIN_LAST", "VIR_DOMAIN_NONE"}


def java_ident(name):
    if name[0].isdigit():
        return "_" + name
    return name


def as_int32(value):
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value & 0x80000000 else value


class Description:
    """The enum and macro values of libvirt's API description files, with symbolic values resolved."""

    def __init__(self, folder):
        self.roots = {}
        self.values = {}
        self.folder = folder
        for f in ("libvirt-api.xml", "libvirt-qemu-api.xml"):
            root = ET.parse(os.path.join(folder, f)).getroot()
            self.roots[f] = root
            for e in root.iter("enum"):
                self.values[e.get("name")] = e.get("value")
            for m in root.iter("macro"):
                if m.get("raw") is not None:
                    self.values.setdefault(m.get("name"), m.get("raw"))

    def value(self, name, depth=0):
        raw = self.values[name].strip()
        if "/*" in raw:
            raw = raw[:raw.index("/*")].strip()
        raw = raw.rstrip("LlUu") if raw[:1].isdigit() or raw[:1] == "-" else raw
        if raw in self.values and depth < 8:
            return self.value(raw, depth + 1)
        try:
            return int(raw, 0)
        except ValueError:
            pass
        if raw.startswith("(") and raw.endswith(")"):
            inner = raw[1:-1]
            total = 0
            for part in inner.split("+"):
                part = part.strip()
                total += int(part, 0) if part[:1].isdigit() else self.value(part, depth + 1)
            return total
        raise ValueError(f"cannot evaluate {name} = {self.values[name]}")

    def collect(self, source, ctype):
        out = []
        members = [e for e in self.roots[source].iter("enum") if e.get("type") == ctype]
        for e in members:
            name = e.get("name")
            if name in ALIASES or (name.endswith(SKIP_SUFFIX) and self.is_bound(name, members)):
                continue
            out.append((name, as_int32(self.value(name)), (e.get("info") or "").strip()))
        out.sort(key=lambda t: (t[1] if t[1] >= 0 else (1 << 40) + t[1], t[0]))
        return out

    def is_bound(self, name, members):
        """A *_LAST constant bounds its enum when no other value is above it (VIR_X_LAST); a constant that only
        happens to end so (VIR_NETWORK_UPDATE_COMMAND_ADD_LAST) is a value like the others."""
        try:
            mine = self.value(name)
            others = [self.value(m.get("name")) for m in members if m.get("name") != name]
        except ValueError:
            return True
        return not others or mine >= max(others)

    def string_macros(self):
        for m in self.roots["libvirt-api.xml"].iter("macro"):
            if m.get("string") is not None:
                yield m.get("name"), m.get("string")


def common_prefix(names):
    if len(names) < 2:
        return names[0][:names[0].rfind("_") + 1]
    p = os.path.commonprefix(names)
    return p[:p.rfind("_") + 1]


def header(package):
    return f"// Generated by tools/gen-api-enums.py from libvirt's API description; do not edit.\npackage {package};\n"


def write(pkg, jname, prefix, kind, doc, values):
    package = "org.jvirt.api" + ("." + pkg if pkg else "")
    folder = os.path.join(API, pkg) if pkg else API
    os.makedirs(folder, exist_ok=True)
    iface = "org.jvirt.api.VirEnum" if kind == "enum" else "org.jvirt.api.VirFlag"
    if prefix is None:
        prefix = common_prefix([n for n, _, _ in values])
    seen = set()
    lines = []
    negative = False
    for name, value, info in values:
        short = name
        for p in (prefix if isinstance(prefix, tuple) else (prefix,)):
            if name.startswith(p):
                short = name[len(p):]
                break
        short = java_ident(short)
        if short in seen:
            continue
        seen.add(short)
        negative |= value < 0
        c = f"    /** {{@code {name}}} */\n"
        lines.append(f"{c}    {short}({value}, \"{name}\")")
    body = ",\n".join(lines) + ";"
    text = header(package) + f"""
/** {doc} */
public enum {jname} implements {iface} {{
{body}

    private final int value;
    private final String libvirtName;

    {jname}(int value, String libvirtName) {{
        this.value = value;
        this.libvirtName = libvirtName;
    }}

    @Override
    public int value() {{
        return value;
    }}

    /** The C name, as libvirt spells it. */
    public String libvirtName() {{
        return libvirtName;
    }}
"""
    if kind == "enum":
        if negative:
            lookup = f"""        if (value >= 0 && value < BY_VALUE.length) {{
            return BY_VALUE[value];
        }}
        for ({jname} c : values()) {{
            if (c.value == value) {{
                return c;
            }}
        }}
        return null;"""
        else:
            lookup = "        return value >= 0 && value < BY_VALUE.length ? BY_VALUE[value] : null;"
        text += f"""
    private static final {jname}[] BY_VALUE = org.jvirt.api.VirEnum.index(values());

    /** The constant with this number, or {{@code null}} for a number this version does not know. */
    public static {jname} fromValue(int value) {{
{lookup}
    }}
"""
    else:
        text += f"""
    /** The set of flags in a libvirt bit mask; bits this version does not know are ignored. */
    public static java.util.Set<{jname}> fromBits(int bits) {{
        return org.jvirt.api.VirFlag.fromBits({jname}.class, bits);
    }}
"""
    text += "}\n"
    with open(os.path.join(folder, jname + ".java"), "w") as f:
        f.write(text)


def write_fields(desc):
    lines = []
    for name, value in sorted(desc.string_macros()):
        short = name[4:] if name.startswith("VIR_") else name
        lines.append(f"    /** {{@code {name}}} */\n    public static final String {short} = \"{value}\";\n")
    text = header("org.jvirt.api") + """
/**
 * The names of typed parameter fields, as libvirt's macros give them: scheduler, memory, blkio, NUMA, block I/O
 * tuning, job statistics, migration, perf events, launch security, identity and more.
 */
public final class TypedParamFields {
    private TypedParamFields() {
    }

""" + "\n".join(lines) + "}\n"
    with open(os.path.join(API, "TypedParamFields.java"), "w") as f:
        f.write(text)


def write_constants(desc):
    lines = []
    for jname, cname in CONSTANTS:
        value = desc.value(cname)
        if -(1 << 31) <= value < (1 << 31):
            lines.append(f"    /** {{@code {cname}}} */\n    public static final int {jname} = {value};\n")
        else:
            lines.append(f"    /** {{@code {cname}}} */\n    public static final long {jname} = {value}L;\n")
    text = header("org.jvirt.api") + """
/** libvirt's numeric constants that are neither flags nor enumerations: limits, sizes and special arguments. */
public final class VirConstants {
    private VirConstants() {
    }

""" + "\n".join(lines) + "}\n"
    with open(os.path.join(API, "VirConstants.java"), "w") as f:
        f.write(text)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "../shared/libvirt-api")
    desc = Description(folder)
    for spec in SPECS:
        pkg, jname, ctype, prefix, kind, doc = spec[:6]
        source = spec[6] if len(spec) > 6 else "libvirt-api.xml"
        values = desc.collect(source, ctype)
        if not values:
            raise SystemExit(f"no values for {ctype}")
        write(pkg, jname, prefix, kind, doc, values)
    write_fields(desc)
    write_constants(desc)


if __name__ == "__main__":
    main()
